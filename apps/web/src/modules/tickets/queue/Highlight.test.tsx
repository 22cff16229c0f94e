import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Highlight } from './Highlight';

describe('search highlight', () => {
  it('marks the hits and keeps the rest as text', () => {
    const html = renderToStaticMarkup(
      <Highlight
        segments={[
          { text: '小区', hit: false },
          { text: '停电', hit: true },
          { text: '三天', hit: false },
        ]}
      />,
    );
    expect(html).toContain('<mark');
    expect(html).toContain('>停电</mark>');
    expect(html).toContain('<span>小区</span>');
  });

  it('never interprets the text as HTML', () => {
    const html = renderToStaticMarkup(
      <Highlight
        segments={[
          { text: '<img src=x onerror=alert(1)>', hit: true },
          { text: '<b>x</b>', hit: false },
        ]}
      />,
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
