// Ink 6 has no alternate-screen option: enter it ourselves and leave it, with the cursor shown again,
// however the process ends (q, Ctrl-C, SIGTERM, SIGHUP, a crash).
const ENTER = '\u001B[?1049h\u001B[H';
const LEAVE = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';

export interface FullScreen {
  /** Leaves the alternate screen once; later calls do nothing. */
  leave(): void;
}

export function enterFullScreen(stdout: NodeJS.WriteStream = process.stdout): FullScreen {
  let active = true;
  const leave = () => {
    if (!active) return;
    active = false;
    try {
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
    } catch {
      // stdin may already be closed (SIGHUP): nothing left to restore there.
    }
    stdout.write(LEAVE + SHOW_CURSOR);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    leave();
    // Re-raise with the default behaviour so the exit status says which signal ended us.
    process.removeListener(signal, onSignal);
    process.kill(process.pid, signal);
  };
  const onCrash = (error: unknown) => {
    leave();
    process.stderr.write(
      `clever-notify: the TUI crashed\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(70);
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  process.once('SIGINT', onSignal);
  process.once('uncaughtException', onCrash);
  process.once('unhandledRejection', onCrash);
  process.once('exit', leave);
  // Only once every way out restores it, or a signal in between would leave the terminal switched.
  stdout.write(ENTER);
  return {
    leave() {
      leave();
      process.removeListener('SIGTERM', onSignal);
      process.removeListener('SIGHUP', onSignal);
      process.removeListener('SIGINT', onSignal);
      process.removeListener('uncaughtException', onCrash);
      process.removeListener('unhandledRejection', onCrash);
      process.removeListener('exit', leave);
    },
  };
}
