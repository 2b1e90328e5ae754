// A tagging thread of `paperscope build-catalogue` (see tagPool.ts): tags batches of papers with the shipped model and
// reads their words.
import { parentPort } from 'node:worker_threads';
import { catalogueTopics, catalogueWords, type TaggedPaper, type TaggedText } from '../core/catalogue/builder.ts';
import { useShippedTopicModel } from './topicModel.ts';

export interface TagRequest {
  batch: number;
  papers: TaggedText[];
}

export interface TagReply {
  batch: number;
  papers?: TaggedPaper[];
  error?: string;
}

useShippedTopicModel();
parentPort!.on('message', ({ batch, papers }: TagRequest) => {
  let reply: TagReply;
  try {
    reply = { batch, papers: papers.map((p) => ({ topics: catalogueTopics(p), words: catalogueWords(p).join(' ') })) };
  } catch (error) {
    reply = { batch, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
