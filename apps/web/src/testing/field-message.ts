import { screen } from '@testing-library/react';

/** The helper text tied to the labelled input through aria-describedby (what a screen reader reads). */
export function fieldMessage(label: string | RegExp): string | null {
  const input = screen.getByLabelText(label, { selector: 'input' });
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  const text = ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
  return text === '' ? null : text;
}
