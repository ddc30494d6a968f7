/** Breaks `line` at spaces so no line exceeds `width`; continuation lines are indented by `indent` spaces. */
export function wrap(line: string, width = 100, indent = 9): string {
  if (line.length <= width) return line;
  const words = line.split(' ');
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (candidate.length > width && current.trim() !== '') {
      out.push(current);
      current = `${' '.repeat(indent)}${word}`;
    } else {
      current = candidate;
    }
  }
  out.push(current);
  return out.join('\n');
}
