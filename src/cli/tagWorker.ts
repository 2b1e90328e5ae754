// A tagging thread of `paperscope build-catalogue` (see tagPool.ts): tags batches of papers with the shipped model.
import { parentPort } from 'node:worker_threads';
import { catalogueTopics, type CatalogueTopic, type TaggedText } from '../core/catalogue/builder.ts';
import { useShippedTopicModel } from './topicModel.ts';

export interface TagRequest {
  batch: number;
  papers: TaggedText[];
}

export interface TagReply {
  batch: number;
  topics?: CatalogueTopic[][];
  error?: string;
}

useShippedTopicModel();
parentPort!.on('message', ({ batch, papers }: TagRequest) => {
  let reply: TagReply;
  try {
    reply = { batch, topics: papers.map(catalogueTopics) };
  } catch (error) {
    reply = { batch, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
