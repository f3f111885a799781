import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problem } from '@/testing/render-app';
import { pending, stubFetch } from '@/testing/stub-fetch';
import { models, predictions, renderPanel } from '../testing/ai-fixtures';
import { ModelList } from './model-list';
import { RecentPredictions } from './recent-predictions';

describe('model list and recent predictions', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('when loading, then both show a loading placeholder', () => {
    stubFetch(pending);
    renderPanel(<><ModelList /><RecentPredictions /></>);
    expect(screen.getAllByRole('status', { name: 'Loading…' })).toHaveLength(2);
  });

  it('when the registry answers, then each version shows with its status, newest first', async () => {
    stubFetch(async () => jsonResponse(models));
    renderPanel(<ModelList />);
    const table = await screen.findByRole('table', { name: 'Models' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['xgb-2026-11-30.1', 'xgb-2026-11-20.1']);
    expect(within(rows[0]!).getByText('Active')).toBeTruthy();
    expect(within(rows[1]!).getByText('Retired')).toBeTruthy();
  });

  it('when predictions are stored, then the predicted label and the outcome show in the up/down colours', async () => {
    stubFetch(async () => jsonResponse(predictions));
    renderPanel(<RecentPredictions />, { preferences: { priceColours: 'redUp' } });
    const table = await screen.findByRole('table', { name: 'Recent predictions' });
    const cells = within(within(table).getAllByRole('row')[1]!).getAllByRole('cell');
    expect(cells.map((c) => c.textContent).slice(1)).toEqual(['Down', 'Up', 'Scored']);
    expect(getComputedStyle(cells[1]!).color, 'DOWN is blue when up is red').toBe('rgb(11, 92, 173)');
    expect(getComputedStyle(cells[2]!).color).toBe('rgb(198, 40, 57)');
  });

  it('when the registry is empty, then it says so; when a request fails, an error shows', async () => {
    stubFetch(async (input) =>
      String(input).startsWith('/api/ai/models') ? jsonResponse({ models: [], nextCursor: null }) : jsonResponse(problem(503, 'SERVICE_UNAVAILABLE'), 503));
    renderPanel(<><ModelList /><RecentPredictions /></>);
    expect(await screen.findByText('No model is registered yet.')).toBeTruthy();
    expect(await screen.findByText('The predictions could not be loaded.')).toBeTruthy();
  });
});
