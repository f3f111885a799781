import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problem } from '@/testing/render-app';
import { stubFetch, type FetchMock } from '@/testing/stub-fetch';
import { models, renderPanel, trackRecord } from '../testing/ai-fixtures';
import { TrackRecordPanel } from './track-record-panel';

function metric(name: string): string | null | undefined {
  return screen.getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
}

describe('track record panel', () => {
  let fetchMock: FetchMock;
  let record: () => Response;

  beforeEach(() => {
    record = () => jsonResponse(trackRecord);
    fetchMock = stubFetch(async (input) => {
      const url = String(input);
      if (url.startsWith('/api/ai/models')) return jsonResponse(models);
      if (url.startsWith('/api/ai/track-record')) return record();
      throw new Error(`unexpected request ${url}`);
    });
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('when the record is still loading, then a loading placeholder shows', () => {
    fetchMock.mockImplementation((input) => (String(input).startsWith('/api/ai/models') ? Promise.resolve(jsonResponse(models)) : new Promise(() => undefined)));
    renderPanel(<TrackRecordPanel />);
    expect(screen.getByRole('status', { name: 'Loading…' })).toBeTruthy();
  });

  it('when the record arrives, then accuracy, both baselines, log loss, Brier, the weekly chart and the confusion matrix show', async () => {
    renderPanel(<TrackRecordPanel />);
    await screen.findByText('Accuracy', { selector: 'dt' });
    expect(metric('Scored')).toBe('60');
    expect(metric('Accuracy')).toBe('50%');
    expect(metric('Majority baseline')).toBe('33.3%');
    expect(metric('Persistence baseline')).toBe('35%');
    expect(metric('Log loss (lower is better)')).toBe('1.0123');
    expect(metric('Brier score (lower is better)')).toBe('0.6021');
    expect(await screen.findByRole('img', { name: /Weekly accuracy of the model against the majority \(33\.3%\) and persistence \(35%\) baselines/ })).toBeTruthy();

    const matrix = screen.getByRole('table', { name: 'Confusion matrix' });
    const downRow = within(matrix).getByRole('rowheader', { name: 'Down' }).closest('tr')!;
    expect(within(downRow).getAllByRole('cell').map((c) => c.textContent), 'outcome DOWN: predicted UP, DOWN, FLAT').toEqual(['6', '11', '3']);
    expect(within(matrix).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Outcome \\ predicted', 'Up', 'Down', 'Flat']);
  });

  it('when a model is picked, then the record of that model is asked for', async () => {
    renderPanel(<TrackRecordPanel />);
    const picker = screen.getByLabelText('Model');
    await waitFor(() => expect(within(picker).getAllByRole('option')).toHaveLength(3));
    fireEvent.change(picker, { target: { value: 'xgb-2026-11-20.1' } });
    await waitFor(() => expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain('/api/ai/track-record?model=xgb-2026-11-20.1'));
  });

  it('when nothing is scored yet, then it says so and shows dashes instead of zeros', async () => {
    record = () => jsonResponse({
      ...trackRecord, scored: 0, accuracy: null, balancedAccuracy: null, logLoss: null, brier: null, byWeek: [],
      confusion: { UP: { UP: 0, DOWN: 0, FLAT: 0 }, DOWN: { UP: 0, DOWN: 0, FLAT: 0 }, FLAT: { UP: 0, DOWN: 0, FLAT: 0 } },
      baselines: { majority: { accuracy: null, balancedAccuracy: null }, persistence: { accuracy: null, balancedAccuracy: null } },
    });
    renderPanel(<TrackRecordPanel />);
    expect(await screen.findByText(/Nothing is scored yet/)).toBeTruthy();
    expect(metric('Accuracy')).toBe('—');
    expect(screen.getByText('No week has scored predictions yet.')).toBeTruthy();
  });

  it('when the server fails, then an error shows', async () => {
    record = () => jsonResponse(problem(503, 'SERVICE_UNAVAILABLE'), 503);
    renderPanel(<TrackRecordPanel />);
    expect(await screen.findByText('The track record could not be loaded.')).toBeTruthy();
  });
});
