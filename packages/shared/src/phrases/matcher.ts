import { normalizeWithOffsets } from './normalize.js';

/** A forbidden phrase as the matcher needs it. */
export type ForbiddenPhraseInput = {
  id: string;
  phrase: string;
  alternative: string;
  /** Longer phrases containing `phrase` that are fine; a hit inside one of them is not reported. */
  exceptions?: readonly string[] | null;
};

/** One hit; `start`/`end` are UTF-16 offsets into the ORIGINAL text, `matched` = text.slice(start, end). */
export type ForbiddenHit = {
  phraseId: string;
  phrase: string;
  alternative: string;
  start: number;
  end: number;
  matched: string;
};

export type ForbiddenMatcher = {
  /** Number of phrases that can match (phrases empty after normalisation are skipped). */
  readonly size: number;
  /** Hits in text order; a hit lying inside a longer hit (我不知道 ⊃ 不知道) is left out. */
  check(text: string): ForbiddenHit[];
};

type Pattern = { phrase: number; length: number; exception: boolean };

/**
 * Aho–Corasick automaton over normalised code points. Children are stored as one inline edge per
 * node (most nodes of a phrase trie are chains) and a Map only for branching nodes.
 */
class Automaton {
  private edgeCp: number[] = [0];
  private edgeTo: number[] = [-1];
  private branches: (Map<number, number> | undefined)[] = [undefined];
  private fail: number[] = [0];
  /** First pattern ending at the node, or -1; more via `nextPattern`. */
  private outHead: number[] = [-1];
  /** Nearest node on the failure chain with an output, or 0. */
  private outLink: number[] = [0];
  readonly patterns: Pattern[] = [];
  private nextPattern: number[] = [];

  private child(node: number, cp: number): number {
    if (this.edgeCp[node] === cp && (this.edgeTo[node] as number) >= 0) return this.edgeTo[node] as number;
    const m = this.branches[node];
    return m ? (m.get(cp) ?? -1) : -1;
  }

  private addChild(node: number, cp: number): number {
    const to = this.fail.length;
    this.edgeCp.push(0);
    this.edgeTo.push(-1);
    this.branches.push(undefined);
    this.fail.push(0);
    this.outHead.push(-1);
    this.outLink.push(0);
    if ((this.edgeTo[node] as number) < 0) {
      this.edgeCp[node] = cp;
      this.edgeTo[node] = to;
    } else {
      let m = this.branches[node];
      if (!m) {
        m = new Map();
        this.branches[node] = m;
      }
      m.set(cp, to);
    }
    return to;
  }

  add(codePoints: Uint32Array, length: number, pattern: Pattern): void {
    let node = 0;
    for (let k = 0; k < length; k++) {
      const cp = codePoints[k] as number;
      const next = this.child(node, cp);
      node = next >= 0 ? next : this.addChild(node, cp);
    }
    const index = this.patterns.length;
    this.patterns.push(pattern);
    this.nextPattern.push(this.outHead[node] as number);
    this.outHead[node] = index;
  }

  private children(node: number): [number, number][] {
    const out: [number, number][] = [];
    if ((this.edgeTo[node] as number) >= 0) out.push([this.edgeCp[node] as number, this.edgeTo[node] as number]);
    const m = this.branches[node];
    if (m) for (const e of m) out.push(e);
    return out;
  }

  /** Breadth-first failure and output links. */
  finish(): void {
    const queue: number[] = [];
    for (const [, c] of this.children(0)) queue.push(c);
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q] as number;
      for (const [cp, c] of this.children(node)) {
        let f = this.fail[node] as number;
        let target = this.child(f, cp);
        while (target < 0 && f !== 0) {
          f = this.fail[f] as number;
          target = this.child(f, cp);
        }
        const fc = target >= 0 && target !== c ? target : 0;
        this.fail[c] = fc;
        this.outLink[c] = (this.outHead[fc] as number) >= 0 ? fc : (this.outLink[fc] as number);
        queue.push(c);
      }
    }
  }

  /** Calls `emit(patternIndex, lastPosition)` for every pattern occurrence. */
  scan(codePoints: Uint32Array, length: number, emit: (pattern: number, last: number) => void): void {
    let state = 0;
    for (let k = 0; k < length; k++) {
      const cp = codePoints[k] as number;
      let next = this.child(state, cp);
      while (next < 0 && state !== 0) {
        state = this.fail[state] as number;
        next = this.child(state, cp);
      }
      state = Math.max(next, 0);
      let o = (this.outHead[state] as number) >= 0 ? state : (this.outLink[state] as number);
      while (o !== 0) {
        for (let p = this.outHead[o] as number; p >= 0; p = this.nextPattern[p] as number) emit(p, k);
        o = this.outLink[o] as number;
      }
    }
  }
}

type RawHit = { phrase: number; first: number; last: number };

/**
 * Compiles the phrases once; `check` is then linear in the length of the reply. Used in the
 * browser (highlight while typing) and on the server (the authoritative check before sending).
 */
export function buildForbiddenMatcher(phrases: readonly ForbiddenPhraseInput[]): ForbiddenMatcher {
  const automaton = new Automaton();
  const list = [...phrases];
  const used = new Set<number>();
  list.forEach((p, index) => {
    const n = normalizeWithOffsets(p.phrase);
    if (n.length === 0) return;
    used.add(index);
    automaton.add(n.codePoints, n.length, { phrase: index, length: n.length, exception: false });
    const normalizedPhrase = String.fromCodePoint(...n.codePoints.subarray(0, n.length));
    for (const e of p.exceptions ?? []) {
      const en = normalizeWithOffsets(e);
      const normalizedException = String.fromCodePoint(...en.codePoints.subarray(0, en.length));
      if (en.length <= n.length || !normalizedException.includes(normalizedPhrase)) continue;
      automaton.add(en.codePoints, en.length, { phrase: index, length: en.length, exception: true });
    }
  });
  automaton.finish();
  const patterns = automaton.patterns;

  return {
    size: used.size,
    check(text: string): ForbiddenHit[] {
      const norm = normalizeWithOffsets(text);
      const raw: RawHit[] = [];
      let allowed: RawHit[] | null = null;
      automaton.scan(norm.codePoints, norm.length, (index, last) => {
        const pattern = patterns[index] as Pattern;
        const hit = { phrase: pattern.phrase, first: last - pattern.length + 1, last };
        if (!pattern.exception) raw.push(hit);
        else if (allowed) allowed.push(hit);
        else allowed = [hit];
      });
      if (raw.length === 0) return [];
      const kept = allowed
        ? raw.filter(
            (h) => !(allowed as RawHit[]).some((a) => a.phrase === h.phrase && a.first <= h.first && a.last >= h.last),
          )
        : raw;
      // Longest first at each start, then drop hits inside an earlier kept one.
      kept.sort((a, b) => a.first - b.first || b.last - a.last);
      const hits: ForbiddenHit[] = [];
      let reach = -1;
      for (const h of kept) {
        if (h.last <= reach) continue;
        reach = h.last;
        const p = list[h.phrase] as ForbiddenPhraseInput;
        const start = norm.starts[h.first] as number;
        const end = norm.ends[h.last] as number;
        hits.push({
          phraseId: p.id,
          phrase: p.phrase,
          alternative: p.alternative,
          start,
          end,
          matched: text.slice(start, end),
        });
      }
      return hits;
    },
  };
}

/** Replaces each hit's span of `text` with its approved alternative (hits must not overlap). */
export function applyAlternatives(
  text: string,
  hits: readonly Pick<ForbiddenHit, 'start' | 'end' | 'alternative'>[],
): string {
  const sorted = [...hits].sort((a, b) => b.start - a.start);
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const h of sorted) {
    if (h.end > limit) continue;
    out = out.slice(0, h.start) + h.alternative + out.slice(h.end);
    limit = h.start;
  }
  return out;
}
