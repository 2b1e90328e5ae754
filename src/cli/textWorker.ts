// The thread of `paperscope build-catalogue` that makes the catalogue's text sections (keys, titles, authors: see
// textSections.ts) from the papers read, while the main thread learns the vocabulary and the vectors.
import { parentPort, workerData } from 'node:worker_threads';
import { type PaperChunksImage, PaperChunks } from '../core/catalogue/paperRecords.ts';
import { type PaperTextSections, paperTextSections } from '../core/catalogue/textSections.ts';
import { type ChunkFileImage, readChunkFile } from './chunkFiles.ts';

export interface TextSectionsRequest {
  papers: PaperChunksImage;
  /** The file the papers' full chunks went to. */
  file: ChunkFileImage;
  withAbstracts: boolean;
}

export type TextSectionsReply = { sections: PaperTextSections } | { error: string };

const { papers, file, withAbstracts } = (workerData as { data: TextSectionsRequest }).data;
const spill = readChunkFile(file);
let reply: TextSectionsReply;
try {
  reply = { sections: paperTextSections(PaperChunks.fromImage(papers, spill), { withAbstracts }) };
} catch (error) {
  reply = { error: error instanceof Error ? error.message : String(error) };
} finally {
  spill.close();
}
// The sections are moved, not copied: each is a view of a buffer of its own.
const moved = 'sections' in reply ? sectionBuffers(reply.sections) : [];
parentPort!.postMessage(reply, moved);

function sectionBuffers(s: PaperTextSections): ArrayBuffer[] {
  const all = [...s.lookups.map(([, data]) => data), s.normTitlesTable, s.words, s.texts, s.textOffsets, s.replaced, ...(s.abstracts ? [s.abstracts] : [])];
  return [...new Set(all.map((data) => data.buffer as ArrayBuffer))];
}
