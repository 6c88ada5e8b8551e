import { FieldType, toDataFrame } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { DIFF_PROFILE, flameFrame, SMALL_PROFILE } from './__fixtures__/frames';
import { drawnWidths, frameCentre, golden, graphPoint, renderPanel, resetUrl } from './testing/renderPanel';

beforeEach(resetUrl);

describe('FlameGraphPanel', () => {
  it('says there is no data when the query returned nothing', () => {
    renderPanel([]);
    expect(screen.getByText('No data')).toBeInTheDocument();
  });

  it('explains which fields are missing from a frame that is not a flame graph', () => {
    const series = toDataFrame({
      name: 'flamegraph',
      fields: [
        { name: 'time', type: FieldType.time, values: [1, 2] },
        { name: 'value', type: FieldType.number, values: [3, 4] },
      ],
    });
    renderPanel([series]);
    expect(screen.getByText(/needs a flame graph frame with level, value, self and label fields/)).toBeInTheDocument();
    expect(screen.getByText(/missing: level, self, label/)).toBeInTheDocument();
  });

  it('says so when every total is zero', () => {
    renderPanel([flameFrame([[0, 'total', 0, 0]])]);
    expect(screen.getByText('No samples')).toBeInTheDocument();
  });

  it("shows the backend's notice for an empty profile", () => {
    renderPanel([golden('empty')]);
    expect(screen.getByText('No samples')).toBeInTheDocument();
    expect(
      screen.getByText('No profile data in this range for this profile type and label selector.')
    ).toBeInTheDocument();
  });

  it('draws widths proportional to samples: root spans the graph, the hot function is widest', async () => {
    renderPanel([flameFrame(SMALL_PROFILE)]);
    const widths = await drawnWidths();
    expect(widths.get('total')).toBeCloseTo(800, 0);
    expect(widths.get('main.slowFunction')).toBeCloseTo(480, 0);
    expect(widths.get('main.fastFunction')).toBeCloseTo(120, 0);
    // Too narrow for a label (8 px): painted on the canvas, no element of its own.
    expect(widths.has('main.tiny1')).toBe(false);
    const svg = screen.getByTestId('embers-flamegraph-svg');
    expect(svg.querySelector('g.frame[name="main.fastFunction"] foreignObject')).not.toBeNull();
    // Yet every frame is drawn: the counts say so.
    expect(screen.getByTestId('embers-flamegraph')).toHaveAttribute('data-drawn-frames', '10');
    expect(screen.getByTestId('embers-flamegraph')).toHaveAttribute('data-visible-frames', '10');
  });

  it('draws the golden CPU frame from the backend with main.slowFunction as the widest leaf', async () => {
    const frame = golden('demo-cpu');
    renderPanel([frame]);
    const widths = await drawnWidths();
    expect(widths.get('total')).toBeCloseTo(800, 0);
    const slow = widths.get('main.slowFunction') ?? 0;
    const fast = widths.get('main.fastFunction') ?? 0;
    expect(slow).toBeGreaterThan(fast);
    expect(slow).toBeGreaterThan(0);
  });

  it('focuses a frame on click: it then spans the whole width, its ancestors stay as a path', async () => {
    renderPanel([flameFrame(SMALL_PROFILE)]);
    await drawnWidths();
    const svg = screen.getByTestId('embers-flamegraph-svg');
    const slow = svg.querySelector('g.frame[name="main.slowFunction"]')!;
    act(() => {
      fireEvent.click(slow.querySelector('rect')!, frameCentre(slow));
    });
    await waitFor(() =>
      expect(Number(svg.querySelector('g.frame[name="main.slowFunction"]')!.getAttribute('width'))).toBeCloseTo(800, 0)
    );
    expect(svg.querySelector('g.frame[name="main.fastFunction"]')).toBeNull();
    expect(svg.querySelector('g.frame.fade[name="main.main"]')).not.toBeNull();
    // The URL is written once the focus is painted.
    await waitFor(() => expect(locationService.getSearchObject()['flameFocus-1']).toMatch(/^2-[0-9a-z]+:main\.slowFunction$/));
  });

  it('keeps focus per panel: a click in one flame graph leaves another on the dashboard as it was', async () => {
    renderPanel([flameFrame(SMALL_PROFILE)], {}, 1);
    renderPanel([flameFrame(SMALL_PROFILE)], {}, 2);
    // Each panel mounts its SVG once its first paint is on screen.
    await waitFor(() => expect(screen.getAllByTestId('embers-flamegraph-svg')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('embers-flamegraph-svg');
    await waitFor(() => expect(second.querySelector('g.frame[name="main.slowFunction"] rect')).not.toBeNull());
    const slowWidth = (svg: Element) => Number(svg.querySelector('g.frame[name="main.slowFunction"]')!.getAttribute('width'));
    const before = slowWidth(second);
    const slow = first.querySelector('g.frame[name="main.slowFunction"]')!;
    act(() => {
      fireEvent.click(slow.querySelector('rect')!, frameCentre(slow));
    });
    await waitFor(() => expect(slowWidth(first)).toBeCloseTo(800, 0));
    expect(slowWidth(second)).toBeCloseTo(before, 0);
    expect(before).toBeLessThan(790);
    await waitFor(() => expect(locationService.getSearchObject()['flameFocus-1']).toBeDefined());
    expect(locationService.getSearchObject()['flameFocus-2']).toBeUndefined();
  });

  it('spreads narrow frames across the width when the gap they leave is clicked', async () => {
    renderPanel([flameFrame(SMALL_PROFILE)], { minFrameWidth: 10 });
    await drawnWidths();
    const svg = screen.getByTestId('embers-flamegraph-svg');
    expect(svg.querySelector('g.frame[name="main.tiny1"]')).toBeNull();
    expect(svg.querySelector('g.frame[name="main.slowFunction"] .d3-flame-graph-label')!.textContent).toBe(
      'main.slowFunction'
    );
    const main = svg.querySelector('g.frame[name="main.main"]')!;
    act(() => {
      fireEvent.click(main.querySelector('rect')!, frameCentre(main));
    });
    await waitFor(() => expect(screen.getByTestId('embers-flamegraph')).toHaveAttribute('data-focus', 'main.main'));
    // Focused on main.main (90 samples over 800 px) the tiny ones are 8.9 px: a gap at 667–711 px.
    const gapPoint = graphPoint(690, 2);
    act(() => {
      fireEvent.click(screen.getByTestId('embers-flamegraph-canvas'), gapPoint);
    });
    await waitFor(() => expect(svg.querySelector('g.frame[name="main.tiny1"]')).not.toBeNull());
    expect(Number(svg.querySelector('g.frame[name="main.tiny1"]')!.getAttribute('width'))).toBeCloseTo(160, 0);
    // Now wide enough for a label, which it did not have before.
    expect(svg.querySelector('g.frame[name="main.tiny1"] .d3-flame-graph-label')!.textContent).toBe('main.tiny1');
    await waitFor(() => expect(locationService.getSearchObject()['flameFocus-1']).toMatch(/^1-[0-9a-z]+-g:main\.main$/));
  });

  it('shows an inline message for an invalid regex and keeps the graph', async () => {
    renderPanel([flameFrame(SMALL_PROFILE)]);
    await drawnWidths();
    fireEvent.click(screen.getByLabelText('Search as regex'));
    fireEvent.change(screen.getByLabelText('Search functions'), { target: { value: 'slow(' } });
    expect(await screen.findByRole('alert')).toHaveTextContent(/Invalid regular expression/);
    expect(screen.getByTestId('embers-flamegraph-svg')).toBeInTheDocument();
  });

  it('counts search matches and their share of the total', async () => {
    renderPanel([flameFrame(SMALL_PROFILE)]);
    fireEvent.change(await screen.findByLabelText('Search functions'), { target: { value: 'FUNCTION' } });
    expect(await screen.findByTestId('embers-search-stats')).toHaveTextContent('2 matches · 75.00 % of total');
  });

  it('shows a tooltip with names as text, never HTML', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    renderPanel([
      flameFrame(
        [
          [0, 'total', 10, 0],
          [1, evil, 10, 10],
        ],
        { unit: 'ns' }
      ),
    ]);
    await drawnWidths();
    const frame = screen.getByTestId('embers-flamegraph-svg').querySelectorAll('g.frame')[1];
    fireEvent.mouseMove(frame.querySelector('rect')!, frameCentre(frame));
    const tooltip = await screen.findByTestId('embers-flamegraph-tooltip');
    expect(tooltip).toHaveTextContent(evil);
    expect(tooltip.querySelector('img')).toBeNull();
    expect(screen.getByTestId('embers-flamegraph').querySelector('img')).toBeNull();
    expect(screen.getByTestId('embers-flamegraph-svg').querySelectorAll('.d3-flame-graph-label')[1].textContent).toBe(
      evil
    );
    expect(tooltip).toHaveTextContent('10.00 ns');
    expect(tooltip).toHaveTextContent('100.00 % of total');
  });

  it('adds a diff legend for a diff frame', async () => {
    renderPanel([flameFrame(DIFF_PROFILE)]);
    expect(await screen.findByTestId('embers-diff-legend')).toBeInTheDocument();
  });
});
