import { downloadText } from './download';
import { serializeSvg } from './svg';

const XSS = '<img src=x onerror="window.__xss=1">';

function flameSvg(): SVGSVGElement {
  const host = document.createElement('div');
  host.innerHTML = `
    <svg xmlns="http://www.w3.org/2000/svg" width="300" height="40">
      <g transform="translate(0,0)">
        <rect width="300" height="18" style="fill: rgb(200, 80, 40)"></rect>
        <foreignObject width="300" height="18"><div class="label"></div></foreignObject>
      </g>
    </svg>`;
  document.body.appendChild(host);
  host.querySelector('.label')!.textContent = XSS;
  return host.querySelector('svg')!;
}

describe('serializeSvg', () => {
  it('inlines the frame colours and turns HTML labels into escaped SVG text', () => {
    const out = serializeSvg(flameSvg());
    const doc = new DOMParser().parseFromString(out, 'image/svg+xml');
    expect(doc.querySelector('foreignObject')).toBeNull();
    expect(doc.querySelector('img')).toBeNull();
    expect(doc.querySelector('text')!.textContent).toBe(XSS);
    expect(doc.querySelector('rect')!.getAttribute('style')).toContain('fill:rgb(200, 80, 40)');
    expect(doc.documentElement.getAttribute('width')).toBe('300');
    expect(doc.documentElement.getAttribute('viewBox')).toBe('0 0 300 40');
  });
});

describe('downloadText', () => {
  it('saves the text under the given file name', async () => {
    let saved: Blob | undefined;
    URL.createObjectURL = jest.fn((blob: Blob) => {
      saved = blob;
      return 'blob:test';
    });
    URL.revokeObjectURL = jest.fn();
    const clicked: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    downloadText('main;f 10\n', 'profile.folded');
    expect(clicked).toEqual(['profile.folded']);
    const text = await new Promise((resolve) => {
      const reader = new FileReader(); // jsdom's Blob has no text()
      reader.onload = () => resolve(reader.result);
      reader.readAsText(saved!);
    });
    expect(text).toBe('main;f 10\n');
    expect(saved!.type).toBe('text/plain;charset=utf-8');
  });
});
