// The clips of the vlog pipeline, every use case bound to its dependencies: built once by the composition
// root and used by the HTTP routes, the console, the Telegram staff feature and the processing worker.
import type { StaffChatRepository } from '../../data/staff-chat-repository.js';
import type { Messages } from '../../i18n/messages.js';
import type { ClipLimits } from '../../media/assess.js';
import type { ClipEventHub } from './clip-events.js';
import { deleteClip } from './delete-clip.js';
import type { Announce, ClipDeps } from './deps.js';
import { failClip } from './fail-clip.js';
import { getClip, listClips, type ClipViewOptions } from './get-clip.js';
import { ingestClip, receivingPath, type ReceivedClip } from './ingest-clip.js';
import { processClip } from './process-clip.js';
import { reconcileClips, sweepMedia } from './reconcile-clips.js';
import { retryClip } from './retry-clip.js';
import { tellUploader } from './tell-uploader.js';
import { updateClip, type ClipChanges } from './update-clip.js';
import type { Metrics } from '../../observability/metrics.js';
import type { VideoFacts } from '../../media/probe.js';

export interface ClipServiceDeps extends ClipDeps {
  staffChats: StaffChatRepository;
  messages: Messages;
  /** Where /media/ is served from, for absolute URLs in what the API shows (PUBLIC_URL). */
  publicUrl?: string;
  announce: Announce;
  /** Hears every clip that changes, from whichever process changed it. */
  events: Pick<ClipEventHub, 'listen'>;
  limits: ClipLimits;
  encode: { preset: string; threads: number };
  /** Takes secrets out of text that is kept or shown (ffmpeg's output of a failure). */
  scrub?: (text: string) => string;
  /** The clip is ready: publications that waited for it go now. */
  onReady?: (clipId: string) => Promise<void>;
  /** Sends a chat (Telegram) a text: a clip's uploader hears how it ended. Without it nobody is told. */
  sendToChat?: (chatId: string, text: string) => Promise<void>;
  /** ffmpeg's seconds per clip go here (GET /metrics). */
  metrics?: Pick<Metrics, 'ffmpegRan'>;
}

export function createClipService(deps: ClipServiceDeps) {
  const { sendToChat } = deps;
  const tell = sendToChat ? (clipId: string) => tellUploader({ ...deps, send: sendToChat }, clipId) : undefined;
  const worker = { ...deps, tellUploader: tell };
  return {
    /** A fresh path to receive an upload into, before `ingest`. */
    receivingPath: () => receivingPath(deps),
    ingest: (input: ReceivedClip) => ingestClip(deps, input),
    get: (clipId: string, options?: ClipViewOptions) => getClip(deps, clipId, options),
    list: (options?: ClipViewOptions) => listClips(deps, options),
    update: (clipId: string, changes: ClipChanges) => updateClip(deps, clipId, changes),
    delete: (clipId: string, options?: { confirmPublished?: boolean }) => deleteClip(deps, clipId, options),
    retry: (clipId: string) => retryClip(deps, clipId),
    /** The processing job's work; `reportProgress` hears each recorded percentage. */
    process: (clipId: string, reportProgress?: (percent: number) => Promise<void>, facts?: VideoFacts) => processClip(worker, clipId, reportProgress, facts),
    /** The processing job ran out of retries. */
    fail: (clipId: string, error: Error) => failClip(worker, clipId, error),
    reconcile: (options: { quietForMs: number }) => reconcileClips(deps, options),
    sweepMedia: (options: { tmpAgeMs: number; uploadAgeMs: number }) => sweepMedia(deps, options),
    events: { listen: (onClip: (clipId: string) => void) => deps.events.listen(onClip) },
  };
}

export type ClipService = ReturnType<typeof createClipService>;
