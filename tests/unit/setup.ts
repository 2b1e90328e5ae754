// Every unit test file tags with the shipped model, as the CLI does (the worker fetches the same file).
import { useShippedTopicModel } from '../../src/cli/topicModel.ts';

useShippedTopicModel();
