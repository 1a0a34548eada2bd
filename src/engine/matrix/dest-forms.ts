/**
 * A written VIP's rule texts kept as `dest-key.ts` writes them (its tokens and its port
 * owner's as placeholders), made once when the VIP is written, so that another VIP is compared
 * with it by reading only its own texts, each piece mapped once and matched in place (no text
 * is made for it). A match proves the two rules' `ruleText` equal.
 */
import type { RuleBody } from '../compile-vfp';
import { mapped, pieceText, RAW, samePorts, sameList, type Side } from './dest-alike';
import { isSep, mapPieces, sizeClass } from './dest-rules';

/** A rule of a written VIP: the fields its text is made of, its pieces mapped on its side. */
export interface RuleForm {
  readonly rule: RuleBody;
  readonly name: string | null;
  readonly src: readonly string[] | null;
  readonly dst: readonly string[] | null;
  /** lbnat: the load balancer id and SNAT address; nat: the address; other: the JSON. */
  readonly act: readonly (string | null)[];
}

/** `x` as `dest-key.ts` writes it on side `S`. */
export function formText(x: string | null, S: Side): string | null {
  return x === null ? null : mapPieces(x, (p) => pieceText(p, 0, p.length, S));
}

const formTexts = (xs: readonly string[] | null, S: Side) =>
  xs === null ? null : xs.map((x) => formText(x, S)!);

/** Rule `r`'s form on side `S`. */
export function ruleForm(r: RuleBody, S: Side): RuleForm {
  const a = r.action;
  const act =
    a.kind === 'lbnat'
      ? [a.loadBalancerId, a.snatIp]
      : a.kind === 'nat'
        ? [a.ip]
        : a.kind === 'allow' || a.kind === 'block'
          ? []
          : [JSON.stringify(a)];
  return {
    rule: r,
    name: formText(r.name, S),
    src: formTexts(r.conditions.srcPrefixes, S),
    dst: formTexts(r.conditions.dstPrefixes, S),
    act: act.map((x) => formText(x, S)),
  };
}

/** `VIP_PLACEHOLDER[k]`: how a VIP's token `k` is written. */
const VIP_PLACEHOLDER: string[] = [];
const vipPlaceholder = (k: number) => (VIP_PLACEHOLDER[k] ??= `\u27e8vip${k}\u27e9`);
const OPEN = 0x27e8;
const CLOSE = 0x27e9;

/** Is `x` on side `X` written as `form` (`formText(x, X) === form`, without making it)? */
export function matchesText(x: string | null, X: Side, form: string | null): boolean {
  if (x === null || form === null) return x === form;
  const n = x.length;
  const m = form.length;
  let c = 0;
  let i = 0;
  while (i < n) {
    const ch = x.charCodeAt(i);
    if (isSep(ch)) {
      if (form.charCodeAt(c) !== ch) return false;
      c++;
      i++;
      continue;
    }
    const i0 = i;
    while (i < n && !isSep(x.charCodeAt(i))) i++;
    const k = mapped(x, i0, i, X);
    if (k === RAW) {
      // A piece that is no token but starts with ⟨ is written with another (`rawPiece`).
      if (x.charCodeAt(i0) === OPEN && form.charCodeAt(c++) !== OPEN) return false;
      const len = i - i0;
      if (c + len > m) return false;
      for (let j = 0; j < len; j++)
        if (x.charCodeAt(i0 + j) !== form.charCodeAt(c + j)) return false;
      c += len;
    } else if (k >= 0) {
      const p = vipPlaceholder(k);
      if (!form.startsWith(p, c)) return false;
      c += p.length;
    } else {
      const role = X.own!.roles[-2 - k]!;
      if (form.charCodeAt(c) !== OPEN || !form.startsWith(role, c + 1)) return false;
      if (form.charCodeAt(c + 1 + role.length) !== CLOSE) return false;
      c += role.length + 2;
    }
  }
  return c === m;
}

function matchesTexts(
  xs: readonly string[] | null,
  X: Side,
  forms: readonly string[] | null,
): boolean {
  if (xs === null || forms === null) return xs === forms;
  if (xs.length !== forms.length) return false;
  for (let i = 0; i < xs.length; i++) if (!matchesText(xs[i]!, X, forms[i]!)) return false;
  return true;
}

/** Does `ruleText(a, …)` on side `A` read as the rule of form `f` on its own side? */
export function matchesRule(a: RuleBody, A: Side, f: RuleForm): boolean {
  const b = f.rule;
  if (
    a.priority !== b.priority ||
    a.type !== b.type ||
    !a.terminating !== !b.terminating ||
    !a.stateful !== !b.stateful
  )
    return false;
  const ca = a.conditions;
  const cb = b.conditions;
  if (
    !sameList(ca.protocols, cb.protocols) ||
    !samePorts(ca.srcPorts, cb.srcPorts) ||
    !samePorts(ca.dstPorts, cb.dstPorts) ||
    !matchesText(a.name, A, f.name) ||
    !matchesTexts(ca.srcPrefixes, A, f.src) ||
    !matchesTexts(ca.dstPrefixes, A, f.dst)
  )
    return false;
  const x = a.action;
  const y = b.action;
  if (x.kind === 'lbnat')
    return (
      y.kind === 'lbnat' &&
      x.distribution === y.distribution &&
      sizeClass(x.backends.length) === sizeClass(y.backends.length) &&
      matchesText(x.loadBalancerId, A, f.act[0] ?? null) &&
      matchesText(x.snatIp, A, f.act[1] ?? null)
    );
  if (x.kind === 'nat')
    return (
      y.kind === 'nat' &&
      x.side === y.side &&
      x.port === y.port &&
      matchesText(x.ip, A, f.act[0] ?? null)
    );
  if (x.kind === 'allow' || x.kind === 'block') return x.kind === y.kind;
  return x.kind === y.kind && matchesText(JSON.stringify(x), A, f.act[0] ?? null);
}
