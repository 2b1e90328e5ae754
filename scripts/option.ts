// Command-line helpers of the scripts.

/** The value after `name` on the command line of a script, or `fallback`. */
export function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** A progress logger for a script's stderr, each line stamped with the seconds since the logger was made. */
export function elapsedLog(): (line: string) => void {
  const started = performance.now();
  return (line) => console.error(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${line}`);
}
