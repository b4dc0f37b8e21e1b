import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('reads events with ids and skips comments and retry lines', () => {
    const parser = new SseParser();
    const text =
      'retry: 2000\n: connected after 0\n\nid: 1\nevent: room\ndata: {"seq":1}\n\n: heartbeat\n\nid: 2\nevent: room\ndata: {"seq":2}\n\n';
    expect(parser.push(text)).toEqual([
      { id: '1', event: 'room', data: '{"seq":1}' },
      { id: '2', event: 'room', data: '{"seq":2}' },
    ]);
  });

  it('joins an event split across chunks at any point, CRLF included', () => {
    const text = 'id: 7\r\nevent: room\r\ndata: {"a":1}\r\ndata: {"b":2}\r\n\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new SseParser();
      const got = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      expect(got, `cut at ${cut}`).toEqual([{ id: '7', event: 'room', data: '{"a":1}\n{"b":2}' }]);
    }
  });

  it('gives nothing for an unfinished event and a default name for an unnamed one', () => {
    const parser = new SseParser();
    expect(parser.push('data: half')).toEqual([]);
    expect(parser.push('\n\ndata:x\n\n')).toEqual([
      { event: 'message', data: 'half' },
      { event: 'message', data: 'x' },
    ]);
  });
});
