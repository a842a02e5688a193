// axios, loaded with the first call to Zalo: a server without a Zalo channel never loads it and its
// dependencies (~5 MB of heap; issue 20's memory target).
import type { AxiosStatic } from 'axios';

let loaded: Promise<AxiosStatic> | undefined;

export const loadAxios = (): Promise<AxiosStatic> => (loaded ??= import('axios').then((module) => module.default));
