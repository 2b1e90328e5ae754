// Phase marks for profiling (tests/bench/profile.ts): console.timeStamp lands in a DevTools or CDP trace only, never in the page's
// own performance timeline, and costs next to nothing when nobody traces.
export function mark(label: string): void {
  console.timeStamp?.(`paperscope:${label}`);
}
