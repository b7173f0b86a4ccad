import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { useTheme } from '../theme/theme-context.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

const TICK_MS = 120;
/**
 * The first tick waits: most loads end before it, and each tick redraws the whole screen, which at
 * start-up would take the CPU from the load it waits for (docs/performance.md).
 */
const FIRST_TICK_MS = 500;

/** Ticks only while it is on screen, so an idle TUI costs no CPU. */
export function Spinner({ label }: { label: string }) {
  const theme = useTheme();
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const tick = () => setFrame((f) => (f + 1) % FRAMES.length);
    let timer: ReturnType<typeof setInterval> | undefined;
    const first = setTimeout(() => {
      tick();
      timer = setInterval(tick, TICK_MS);
    }, FIRST_TICK_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  return (
    <Text {...theme.status.info}>
      {FRAMES[frame]} {label}
    </Text>
  );
}
