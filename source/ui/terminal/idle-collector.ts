// Each frame leaves garbage behind, and V8 grows its heap long before it collects (its limit is
// gigabytes), so a TUI that was used for a minute sat at 170 MB although it needed 110. Once the
// screen has been still for a moment, one full collection gives that memory back; nothing runs while
// the user is idle after it.
import v8 from 'node:v8';
import vm from 'node:vm';

const QUIET_MS = 1000;

export interface IdleCollector {
  /** Something changed on screen: collect once it has been quiet for a while. */
  activity(): void;
  stop(): void;
}

export function startIdleCollector(): IdleCollector {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  let timer: NodeJS.Timeout | undefined;
  return {
    activity() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        gc();
      }, QUIET_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearTimeout(timer);
    },
  };
}
