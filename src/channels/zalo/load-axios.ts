// axios for the calls to Zalo, loaded with the first one: a server without a Zalo channel never loads it and its
// dependencies (~5 MB of heap; issue 20's memory target). No call follows a redirect: one followed would carry
// the access_token or secret_key header to wherever it points (and axios' redirect layer costs ~0.16 ms a call).
import type { AxiosInstance, AxiosStatic, CreateAxiosDefaults } from 'axios';

let loaded: Promise<AxiosStatic> | undefined;

export const loadAxios = (): Promise<AxiosStatic> => (loaded ??= import('axios').then((module) => module.default));

/** An axios instance made on first use, that follows no redirect. */
export function zaloHttp(config: CreateAxiosDefaults): () => Promise<AxiosInstance> {
  let instance: Promise<AxiosInstance> | undefined;
  return () => (instance ??= loadAxios().then((axios) => axios.create({ ...config, maxRedirects: 0 })));
}
