import { charsThatFit, ELLIPSIS, fitLabel, segmentStarts } from './labelFit';

const LOKI = 'github.com/grafana/loki/pkg/storage/chunk/client.(*Fetcher).FetchChunks';

describe('fitLabel', () => {
  it('keeps a name that fits as it is', () => {
    expect(fitLabel('main.main', 9)).toBe('main.main');
    expect(fitLabel(LOKI, LOKI.length)).toBe(LOKI);
  });

  it('drops package segments from the left, never the function at the end', () => {
    expect(fitLabel(LOKI, 40)).toBe(`${ELLIPSIS}chunk/client.(*Fetcher).FetchChunks`);
    expect(fitLabel(LOKI, 35)).toBe(`${ELLIPSIS}client.(*Fetcher).FetchChunks`);
    expect(fitLabel(LOKI, 30)).toBe(`${ELLIPSIS}client.(*Fetcher).FetchChunks`);
    expect(fitLabel(LOKI, 29)).toBe(`${ELLIPSIS}(*Fetcher).FetchChunks`);
    expect(fitLabel(LOKI, 15)).toBe(`${ELLIPSIS}FetchChunks`);
    expect(fitLabel(LOKI, 12)).toBe(`${ELLIPSIS}FetchChunks`);
    for (let chars = 12; chars < LOKI.length; chars++) {
      const label = fitLabel(LOKI, chars);
      expect(label.length).toBeLessThanOrEqual(chars);
      expect(label.startsWith(ELLIPSIS)).toBe(true);
      expect(label.endsWith('FetchChunks')).toBe(true);
    }
  });

  it('keeps the end of the function itself when not even it fits', () => {
    expect(fitLabel(LOKI, 11)).toBe(`${ELLIPSIS}etchChunks`);
    expect(fitLabel(LOKI, 3)).toBe(`${ELLIPSIS}ks`);
    expect(fitLabel(LOKI, 1)).toBe(ELLIPSIS);
    expect(fitLabel(LOKI, 0)).toBe('');
  });

  it('cuts at Java, C++ and Rust separators too', () => {
    expect(fitLabel('com.example.service.OrderService.placeOrder', 25)).toBe(`${ELLIPSIS}OrderService.placeOrder`);
    expect(fitLabel('std::collections::hash::map::HashMap::insert', 20)).toBe(`${ELLIPSIS}HashMap::insert`);
  });

  it('never cuts inside brackets: a generic type stays whole', () => {
    const generic = 'slices.SortFunc[go.shape.[]string,go.shape.func(string,string) int]';
    expect(segmentStarts(generic)).toEqual([7]);
    expect(fitLabel(generic, generic.length - 1)).toBe(`${ELLIPSIS}${generic.slice(7)}`);
  });
});

describe('charsThatFit', () => {
  it('counts whole characters inside the label margins and padding (16 px)', () => {
    expect(charsThatFit(16 + 7.2 * 10, 7.2)).toBe(10);
    expect(charsThatFit(16 + 7.2 * 10 - 0.1, 7.2)).toBe(9);
    expect(charsThatFit(12, 7.2)).toBe(0);
  });
});
