import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatOrderDraft, ChatStreamEvent, ConversationDetail, ConversationsResponse } from '@cryptosim/contracts';
import { jsonResponse, problem } from '@/testing/render-app';
import { useChat } from '../hooks/use-chat';
import { buyDraft, renderChat, sseReply } from '../testing/chat-fixtures';
import { ConversationList } from './conversation-list';
import { AIChat } from './ai-chat';

const CONVERSATION = '0b3c4a2e-5f6d-4e7a-8b9c-0d1e2f3a4b5c';

const answer: ChatStreamEvent[] = [
  { type: 'tool', name: 'get_price', summary: 'BTCUSDT 97,000.10 USDT' },
  { type: 'delta', text: '비트코인은 지금 ' },
  { type: 'delta', text: '**97,000.10 USDT**입니다.' },
  { type: 'done', conversationId: CONVERSATION, messageId: 2, mode: 'builtin' },
];

function Chat({ symbol, onOpenDraft = () => undefined, withList = false }: { symbol?: string; onOpenDraft?: (draft: ChatOrderDraft) => void; withList?: boolean }) {
  const chat = useChat(symbol);
  return (
    <>
      {withList ? <ConversationList chat={chat} /> : null}
      <AIChat chat={chat} symbol={symbol} onOpenDraft={onOpenDraft} />
    </>
  );
}

const chatCalls = (fetchMock: ReturnType<typeof vi.fn<typeof fetch>>) =>
  fetchMock.mock.calls.filter(([path]) => String(path) === '/api/ai/chat');
const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body)) as Record<string, unknown>;

function ask(question: string) {
  fireEvent.change(screen.getByLabelText('Your question'), { target: { value: question } });
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
}

// The first render compiles MUI and react-markdown; on a shared machine that outlasts the default 5 s.
describe('assistant chat', { timeout: 30_000 }, () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('when an answer streams in pieces, then deltas add up into one formatted answer, the tool shows as a chip, and done keeps the conversation for the next question', async () => {
    fetchMock.mockImplementation(async (_path, init) => sseReply(answer, { chunkBytes: 7, signal: init?.signal }));
    renderChat(<Chat />);

    ask('비트코인 지금 얼마야?');
    const log = await screen.findByRole('log', { name: 'Conversation with the assistant' });
    await within(log).findByText('97,000.10 USDT', { selector: 'strong' });
    expect(log.textContent).toContain('비트코인 지금 얼마야?');
    expect(log.textContent, 'the two deltas joined in order').toContain('비트코인은 지금 97,000.10 USDT입니다.');
    const chips = within(log).getByRole('list', { name: 'Data used' });
    expect(chips.textContent).toBe('get_price · BTCUSDT 97,000.10 USDT');
    await waitFor(() => expect(log.getAttribute('aria-busy'), 'the log is released once done arrives').toBe('false'));

    const [path, init] = chatCalls(fetchMock)[0]!;
    expect(path).toBe('/api/ai/chat');
    expect(init?.method).toBe('POST');
    expect(bodyOf(init)).toEqual({ message: '비트코인 지금 얼마야?', language: 'en' });
    const headers = new Headers(init?.headers);
    expect(headers.get('Authorization')).toBe('Bearer access-1');
    expect(headers.get('Accept')).toBe('text/event-stream');

    ask('And ETH?');
    await waitFor(() => expect(chatCalls(fetchMock)).toHaveLength(2));
    expect(bodyOf(chatCalls(fetchMock)[1]![1]), 'the second question continues the conversation done named').toEqual({ message: 'And ETH?', language: 'en', conversationId: CONVERSATION });
  });

  it('when an answer contains raw HTML and a javascript: link, then neither is rendered as markup', async () => {
    const hostile: ChatStreamEvent[] = [
      { type: 'delta', text: 'Look <img src="x" onerror="alert(1)"><script>alert(2)</script> and [click](javascript:alert(3)) or [docs](https://example.com/fees).' },
      { type: 'done', conversationId: CONVERSATION, messageId: 2, mode: 'llm' },
    ];
    fetchMock.mockImplementation(async (_path, init) => sseReply(hostile, { signal: init?.signal }));
    const { container } = renderChat(<Chat />);
    ask('hi');
    const link = await screen.findByRole('link', { name: 'docs' });
    expect(link.getAttribute('href')).toBe('https://example.com/fees');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(container.querySelector('img'), 'no <img> from the answer').toBeNull();
    expect(container.querySelector('script'), 'no <script> from the answer').toBeNull();
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.filter((href) => /^javascript:/i.test(href)), 'no javascript: link').toEqual([]);
  });

  it('when Stop is pressed while an answer streams, then the request is aborted, the partial answer stays marked as stopped and a new question can be asked', async () => {
    let signal: AbortSignal | null | undefined;
    fetchMock.mockImplementation(async (_path, init) => {
      signal = init?.signal;
      return sseReply([{ type: 'delta', text: 'Half an answer' }], { hang: true, signal: init?.signal });
    });
    renderChat(<Chat />);
    ask('What is RSI?');
    await screen.findByText('Half an answer');
    expect(screen.queryByRole('button', { name: 'Send' }), 'Send gives way to Stop while streaming').toBeNull();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Stop' })));
    expect(signal?.aborted, 'the fetch was aborted').toBe(true);
    expect(await screen.findByText('Stopped. This answer was not saved.')).toBeTruthy();
    expect(screen.getByText('Half an answer')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy();
  });

  it.each([
    ['429 with Retry-After', () => jsonResponse(problem(429, 'RATE_LIMITED'), 429, { 'Retry-After': '30' }), 'Too many questions in a short time. Try again in 30 s.'],
    ['400 VALIDATION_FAILED', () => jsonResponse(problem(400, 'VALIDATION_FAILED'), 400), 'A question must be 1 to 2,000 characters long.'],
    ['404 for a conversation that is gone', () => jsonResponse(problem(404, 'NOT_FOUND'), 404), 'This conversation no longer exists. Start a new one.'],
    ['a stream error frame', () => sseReply([{ type: 'error', code: 'TOOL_FAILED', message: 'x' }]), 'The assistant could not answer. Error code: TOOL_FAILED'],
    ['a stream that ends without done', () => sseReply([{ type: 'delta', text: 'Bitcoin is' }]), 'The answer was cut off before it finished. Ask again.'],
  ])('when the server answers %s, then the turn says so in words', async (_case, reply, message) => {
    fetchMock.mockImplementation(async () => reply());
    renderChat(<Chat />);
    ask('BTC?');
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.getByRole('button', { name: 'Send' }), 'the user can ask again').toBeTruthy();
  });

  it('when the server answers 429 with Retry-After, then Send stays disabled under a countdown and comes back when it ends', async () => {
    // Only the countdown's clock is fake: the test library's waits and MUI keep real timeouts.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      fetchMock.mockImplementation(async () => jsonResponse(problem(429, 'RATE_LIMITED'), 429, { 'Retry-After': '3' }));
      renderChat(<Chat />);
      ask('BTC?');
      expect((await screen.findByRole('alert')).textContent).toBe('Too many questions in a short time. Try again in 3 s.');
      const input = screen.getByLabelText('Your question');
      fireEvent.change(input, { target: { value: 'BTC now?' } });
      const send = screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement;
      expect(send.disabled, 'Send is disabled while the limit lasts').toBe(true);
      expect(screen.getByText('You can ask again in 3 s.')).toBeTruthy();

      await act(async () => vi.advanceTimersByTime(1_000));
      expect(screen.getByText('You can ask again in 2 s.')).toBeTruthy();
      fireEvent.keyDown(input, { key: 'Enter' });
      expect(chatCalls(fetchMock), 'Enter sends nothing either').toHaveLength(1);

      await act(async () => vi.advanceTimersByTime(2_000));
      expect(send.disabled, 'Send is back once Retry-After has passed').toBe(false);
      expect(screen.queryByText(/You can ask again/)).toBeNull();
      fireEvent.click(send);
      await waitFor(() => expect(chatCalls(fetchMock)).toHaveLength(2));
    } finally {
      vi.useRealTimers();
    }
  });

  it('when the network fails, then the turn says the server could not be reached, in Korean when the UI is Korean', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    renderChat(<Chat />, { language: 'ko' });
    fireEvent.change(screen.getByLabelText('질문'), { target: { value: 'BTC?' } });
    fireEvent.click(screen.getByRole('button', { name: '보내기' }));
    expect((await screen.findByRole('alert')).textContent).toBe('서버에 연결할 수 없습니다. 연결을 확인하고 다시 물어보세요.');
  });

  it('when the chat is about a symbol and the UI is Korean, then the suggested questions name that coin in Korean and one click asks it with the symbol', async () => {
    fetchMock.mockImplementation(async (_path, init) => sseReply(answer, { signal: init?.signal }));
    renderChat(<Chat symbol="ETHUSDT" />, { language: 'ko' });
    const suggestions = screen.getByRole('list', { name: '추천 질문' });
    const questions = within(suggestions).getAllByRole('button').map((button) => button.textContent);
    expect(questions).toContain('ETH 지금 얼마야?');
    expect(questions.every((q) => q?.includes('ETH')), `every suggestion names ETH: ${questions.join(' | ')}`).toBe(true);

    fireEvent.click(within(suggestions).getByRole('button', { name: 'ETH 지금 얼마야?' }));
    await waitFor(() => expect(chatCalls(fetchMock)).toHaveLength(1));
    expect(bodyOf(chatCalls(fetchMock)[0]![1])).toEqual({ message: 'ETH 지금 얼마야?', language: 'ko', symbol: 'ETHUSDT' });
  });

  it('when an answer carries an order draft, then a card shows it as not placed and its button hands the draft over without any trading request', async () => {
    const problemDraft: ChatOrderDraft = { ...buyDraft, problems: [{ code: 'INSUFFICIENT_BALANCE', message: 'Not enough USDT: 950.95 needed, 10.00 available.' }] };
    fetchMock.mockImplementation(async (_path, init) =>
      sseReply([{ type: 'draft', draft: problemDraft }, { type: 'delta', text: 'Here is a draft.' }, { type: 'done', conversationId: CONVERSATION, messageId: 2, mode: 'builtin' }], { signal: init?.signal }),
    );
    const onOpenDraft = vi.fn();
    renderChat(<Chat onOpenDraft={onOpenDraft} />);
    ask('Buy 0.01 BTC at 95000');
    const card = (await screen.findByText('Order draft: Buy BTCUSDT')).closest('.MuiCard-root') as HTMLElement;
    expect(card.textContent).toContain('Not placed. Review it in the order ticket and confirm it there.');
    expect(card.textContent).toContain('Limit price95,000');
    expect(card.textContent).toContain('Cash needed950.95 USDT');
    expect(within(card).getByRole('alert').textContent).toContain('Not enough USDT: 950.95 needed, 10.00 available.');

    fireEvent.click(within(card).getByRole('button', { name: 'Review in order ticket' }));
    expect(onOpenDraft).toHaveBeenCalledWith(problemDraft);
    expect(fetchMock.mock.calls.filter(([path]) => String(path).startsWith('/api/trading')), 'the card places nothing').toEqual([]);
  });

  it('when a stored conversation is opened and another deleted, then its messages fill the chat and the list is read again', async () => {
    const list: ConversationsResponse = {
      conversations: [
        { id: CONVERSATION, title: 'BTC price', messageCount: 2, createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:01:00.000Z' },
        { id: '1b3c4a2e-5f6d-4e7a-8b9c-0d1e2f3a4b5c', title: 'Fees', messageCount: 2, createdAt: '2026-11-30T00:00:00.000Z', updatedAt: '2026-11-30T00:01:00.000Z' },
      ],
      nextCursor: null,
    };
    const detail: ConversationDetail = {
      ...list.conversations[0]!,
      messages: [
        { id: 1, role: 'user', content: 'BTC price?', toolCalls: [], drafts: [], notes: [], mode: null, createdAt: '2026-12-01T00:00:00.000Z' },
        { id: 2, role: 'assistant', content: 'BTC is **97,000.10 USDT**.', toolCalls: [{ name: 'get_price', arguments: { symbol: 'BTCUSDT' }, summary: 'BTCUSDT 97,000.10' }], drafts: [], notes: [], mode: 'builtin', createdAt: '2026-12-01T00:00:01.000Z' },
      ],
    };
    fetchMock.mockImplementation(async (path, init) => {
      const url = String(path);
      if (url === '/api/ai/conversations') return jsonResponse(list);
      if (url === `/api/ai/conversations/${CONVERSATION}`) return jsonResponse(detail);
      if (init?.method === 'DELETE') return new Response(null, { status: 204 });
      return jsonResponse(problem(404, 'NOT_FOUND'), 404);
    });
    renderChat(<Chat withList />);

    fireEvent.click(await screen.findByRole('button', { name: /^BTC price/ }));
    const log = await screen.findByRole('log');
    await within(log).findByText('97,000.10 USDT', { selector: 'strong' });
    expect(within(log).getByRole('list', { name: 'Data used' }).textContent).toBe('get_price · BTCUSDT 97,000.10');

    fireEvent.click(screen.getByRole('button', { name: 'Delete the conversation “Fees”' }));
    await waitFor(() => expect(fetchMock.mock.calls.filter(([path]) => String(path) === '/api/ai/conversations')).toHaveLength(2));
    const deleted = fetchMock.mock.calls.find(([, init]) => init?.method === 'DELETE');
    expect(deleted?.[0]).toBe('/api/ai/conversations/1b3c4a2e-5f6d-4e7a-8b9c-0d1e2f3a4b5c');
    expect(screen.getByRole('log'), 'deleting another conversation leaves the open one').toBeTruthy();
  });

  it('when there are more conversations than one page, then Load more reads the next page by its cursor and adds it below', async () => {
    const summary = (id: string, title: string, day: number) => ({ id, title, messageCount: 2, createdAt: `2026-11-${day}T00:00:00.000Z`, updatedAt: `2026-11-${day}T00:01:00.000Z` });
    const first: ConversationsResponse = { conversations: [summary(CONVERSATION, 'BTC price', 30)], nextCursor: 'djE6bmV4dA' };
    const second: ConversationsResponse = { conversations: [summary('1b3c4a2e-5f6d-4e7a-8b9c-0d1e2f3a4b5c', 'Fees', 29)], nextCursor: null };
    fetchMock.mockImplementation(async (path) => {
      const url = String(path);
      if (url === '/api/ai/conversations') return jsonResponse(first);
      if (url === '/api/ai/conversations?cursor=djE6bmV4dA') return jsonResponse(second);
      return jsonResponse(problem(404, 'NOT_FOUND'), 404);
    });
    renderChat(<Chat withList />);

    await screen.findByRole('button', { name: /^BTC price/ });
    expect(screen.queryByRole('button', { name: /^Fees/ }), 'the second page is not read until asked for').toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('button', { name: /^Fees/ });
    expect(screen.getByRole('button', { name: /^BTC price/ }), 'the first page stays').toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' }), 'no more pages').toBeNull();
  });
});
