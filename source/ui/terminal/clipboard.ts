// Copying goes through the terminal (OSC 52), not a clipboard program: it works over SSH and needs
// nothing installed. tmux passes it on to the outer terminal with `set -g set-clipboard on`.

/** The OSC 52 sequence that asks the terminal to put `text` on the system clipboard (pure). */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}
