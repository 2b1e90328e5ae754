// Makes a build's text sections in a second thread (textWorker.ts), so that on two cores they cost no time beside the
// vocabulary and vectors the main thread makes meanwhile; the bytes are the same as in one thread.
import type { PaperChunksImage } from '../core/catalogue/paperRecords.ts';
import type { PaperTextSections } from '../core/catalogue/textSections.ts';
import type { ChunkFileImage } from './chunkFiles.ts';
import { scriptThread } from './scriptThread.ts';
import type { TextSectionsReply, TextSectionsRequest } from './textWorker.ts';

export interface TextSectionsThread {
  /** The sections, or an error if the thread failed (the caller then makes them itself). */
  sections: Promise<PaperTextSections>;
  /** Stops the thread if it is still working (a build that failed meanwhile). */
  stop(): Promise<void>;
}

export function textSectionsInThread(papers: PaperChunksImage, file: ChunkFileImage, withAbstracts: boolean): TextSectionsThread {
  const thread = scriptThread(new URL('./textWorker.ts', import.meta.url), { papers, file, withAbstracts } satisfies TextSectionsRequest);
  const sections = new Promise<PaperTextSections>((resolve, reject) => {
    thread.once('message', (reply: TextSectionsReply) => ('sections' in reply ? resolve(reply.sections) : reject(new Error(reply.error))));
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`the text sections' thread stopped (exit code ${code})`)));
  });
  // Settled by the caller; a rejection no one waits for yet must not end the process.
  sections.catch(() => undefined);
  return { sections, stop: async () => void (await thread.terminate()) };
}
