import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { useTheme } from '../theme/theme-context.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Ticks only while it is on screen, so an idle TUI costs no CPU. */
export function Spinner({ label }: { label: string }) {
  const theme = useTheme();
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), 120);
    return () => clearInterval(timer);
  }, []);
  return (
    <Text {...theme.status.info}>
      {FRAMES[frame]} {label}
    </Text>
  );
}
