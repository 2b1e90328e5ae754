import { benchFeed } from './tests/bench/feed.ts';
console.log(await benchFeed(Number(process.env.RUNS ?? 3)));
