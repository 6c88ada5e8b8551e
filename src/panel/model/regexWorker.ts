/** How long a regex may run over a profile's names before it is stopped. */
export const REGEX_BUDGET_MS = 2000;

export type RegexOutcome = { matches: Set<string> } | { error: string };

export interface RegexRun {
  done: Promise<RegexOutcome>;
  cancel(): void;
}

// Runs in the worker: test every name, send back the indices that match.
const WORKER_SOURCE = `onmessage = (event) => {
  const { pattern, names } = event.data;
  const re = new RegExp(pattern, 'i');
  const hits = [];
  for (let i = 0; i < names.length; i++) {
    if (re.test(names[i])) hits.push(i);
  }
  postMessage(hits);
};`;

export const tooSlowMessage = (ms: number) =>
  `This regular expression takes too long on these names (stopped after ${ms / 1000} s); nested repeats like (a+)+ are the usual cause`;

/**
 * Tests a (valid) regex against every name off the main thread, so a pattern that
 * backtracks for minutes can't freeze the page: past `budgetMs` the worker is
 * stopped and the search reports it. Where workers don't exist (test DOMs) the
 * names are tested here.
 */
export function runRegex(pattern: string, names: string[], budgetMs = REGEX_BUDGET_MS): RegexRun {
  if (typeof Worker === 'undefined' || typeof URL.createObjectURL !== 'function') {
    const re = new RegExp(pattern, 'i');
    return { done: Promise.resolve({ matches: new Set(names.filter((n) => re.test(n))) }), cancel: () => {} };
  }
  const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  const worker = new Worker(url);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(timer);
    worker.terminate();
    URL.revokeObjectURL(url);
  };
  const done = new Promise<RegexOutcome>((resolve) => {
    timer = setTimeout(() => {
      stop();
      resolve({ error: tooSlowMessage(budgetMs) });
    }, budgetMs);
    worker.onmessage = (event: MessageEvent<number[]>) => {
      stop();
      resolve({ matches: new Set(event.data.map((i) => names[i])) });
    };
    worker.onerror = (event) => {
      stop();
      resolve({ error: `The search failed: ${event.message}` });
    };
  });
  worker.postMessage({ pattern, names });
  return { done, cancel: stop };
}
