import type { HighlightSegment } from '../core/types';

const markStyle = { padding: 0, background: '#ffe58f', color: 'inherit' } as const;

/**
 * Search hits as the server marks them (`highlight`: text segments, `hit` true for a match): the
 * hits in <mark>, everything as React text — nothing is ever parsed as HTML.
 */
export function Highlight({ segments, testId }: { segments: readonly HighlightSegment[]; testId?: string }) {
  return (
    <span data-testid={testId}>
      {segments.map((segment, i) =>
        segment.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity but their order
          <mark key={i} style={markStyle}>
            {segment.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={i}>{segment.text}</span>
        ),
      )}
    </span>
  );
}
