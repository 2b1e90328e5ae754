import { benchFeed } from './tests/bench/feed.ts';
console.log(await benchFeed(3));
