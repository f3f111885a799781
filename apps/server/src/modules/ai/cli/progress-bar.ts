/** A one-line progress bar on stderr (a line per 10 % when stderr is not a terminal). */
export interface ProgressBar {
  update(done: number, total: number, label?: string): void;
  done(label?: string): void;
}

export function createProgressBar(title: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const tty = Boolean(stream.isTTY);
  let lastDecile = -1;
  let lastDraw = 0;
  const started = Date.now();
  const draw = (done: number, total: number, label = '') => {
    const ratio = total > 0 ? Math.min(1, done / total) : 0;
    const width = 28;
    const filled = Math.round(ratio * width);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    return `${title} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${seconds}s ${label}`;
  };
  return {
    update(done, total, label) {
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < 80 && done < total) return;
        lastDraw = now;
        stream.write(`\r\x1b[2K${draw(done, total, label)}`);
        return;
      }
      const decile = total > 0 ? Math.floor((done / total) * 10) : 0;
      if (decile !== lastDecile) {
        lastDecile = decile;
        stream.write(`${draw(done, total, label)}\n`);
      }
    },
    done(label) {
      stream.write(`${tty ? '\r\x1b[2K' : ''}${title} done in ${((Date.now() - started) / 1000).toFixed(1)}s${label ? ` (${label})` : ''}\n`);
    },
  };
}
