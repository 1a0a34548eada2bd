/**
 * The host's own view of its network, as the hnsviz collector writes it after the HNS
 * sections: `route print` (IPv4 active routes) and `ipconfig /all` (adapters, addresses, host
 * name). Both are read by shape, not by their (localised) headings: a route row is
 * `destination mask gateway interface metric` with the gateway an address or a word
 * (`On-link`, `Auf Verbindung`, …); an ipconfig key line is `   Key . . . : value`, and only
 * the address, MAC and host-name keys are used. Lines not understood are skipped quietly: these
 * sections are context, not HNS objects.
 */

import { isIpv4, parseIpv4 } from '../../shared/ip';
import { commandOf } from './commands';
import type { LineReader } from './reader';
import { type HostCommand, type RawHost, type RawHostInterface, type RawHostRoute } from './raw';

/** Which host command a prompt's command line runs, if any. */
export function hostCommandOf(cmd: string): HostCommand | null {
  const c = cmd.trim().toLowerCase();
  if (/^route(?:\.exe)?\s+print\b/.test(c)) return 'route-print';
  if (/^ipconfig(?:\.exe)?(?:\s+\/all)?\s*$/.test(c)) return 'ipconfig';
  return null;
}

/** A heading line that starts such output when it was pasted without its prompt (English). */
export function hostHeadingOf(line: string): HostCommand | null {
  const t = line.trim();
  if (t === 'Interface List' || t === 'IPv4 Route Table') return 'route-print';
  if (t === 'Windows IP Configuration') return 'ipconfig';
  return null;
}

const IP = String.raw`(\d{1,3}(?:\.\d{1,3}){3})`;
const ROUTE_ROW = new RegExp(String.raw`^\s*${IP}\s+${IP}\s+(\S.*?)\s+${IP}\s+(\d+)\s*$`);

/** Prefix length of a contiguous netmask, or null. */
function maskBits(mask: string): number | null {
  const n = parseIpv4(mask);
  if (n === null) return null;
  const inv = ~n >>> 0;
  if ((inv & (inv + 1)) !== 0) return null;
  return inv === 0 ? 32 : Math.clz32(inv);
}

/** Routes that say nothing about where pod or node traffic goes: loopback, multicast, broadcast. */
function isNoise(dest: string, bits: number, onLink: boolean): boolean {
  const n = parseIpv4(dest) ?? 0;
  const first = n >>> 24;
  if (first === 127 || first >= 224) return true;
  // On-link host routes: the node's own addresses and subnet broadcasts.
  return bits === 32 && onLink;
}

/** `route print` rows (IPv4 active routes). `lineNo(k)` maps a row index to its input line. */
export function parseRoutePrint(
  lines: readonly string[],
  lineNo: (k: number) => number,
  into: RawHost,
): number {
  let read = 0;
  lines.forEach((line, k) => {
    const m = ROUTE_ROW.exec(line);
    if (!m) return;
    const [, dest = '', mask = '', gw = '', iface = '', metric = '0'] = m;
    const bits = maskBits(mask);
    if (bits === null || !isIpv4(dest) || !isIpv4(iface)) return;
    const nextHop = isIpv4(gw) ? gw : null;
    if (isNoise(dest, bits, nextHop === null)) return;
    into.routes.push({
      prefix: `${dest}/${bits}`,
      nextHop,
      interfaceIp: iface,
      metric: Number(metric),
      line: lineNo(k),
    });
    read++;
  });
  return read;
}

const KEY_LINE = /^\s+([^:]*?[^\s.:])[\s.]*:\s?(.*)$/;
const MAC = /^[0-9A-F]{2}(?:-[0-9A-F]{2}){5}$/i;
const FIRST_IP = /^(\d{1,3}(?:\.\d{1,3}){3})(?:\(.*\))?$/;

/** The adapter name in a heading such as `Ethernet adapter vEthernet (Ethernet):`. */
function adapterName(heading: string): string {
  const h = heading.replace(/\s*:\s*$/, '').trim();
  const en = /\badapter\s+(.+)$/i.exec(h);
  if (en?.[1]) return en[1];
  const v = /(vEthernet \(.*\))/.exec(h);
  if (v?.[1]) return v[1];
  const de = /-Adapter\s+(.+)$/i.exec(h);
  return de?.[1] ?? h;
}

type Field = 'ip' | 'mask' | 'gateway' | 'other';

function fieldOf(key: string): Field {
  if (/ipv4|^ip.?ad/i.test(key)) return 'ip';
  if (/mask|maske|masque|m[aá]scara/i.test(key)) return 'mask';
  if (/gateway|passerelle|puerta/i.test(key)) return 'gateway';
  return 'other';
}

/** `ipconfig /all`: the host name and every adapter with its IPv4 addresses and MAC. */
export function parseIpconfig(
  lines: readonly string[],
  lineNo: (k: number) => number,
  into: RawHost,
): number {
  let cur: RawHostInterface | null = null;
  let last: Field = 'other';
  let read = 0;
  lines.forEach((line, k) => {
    if (line.trim() === '') return;
    if (!/^\s/.test(line)) {
      // A heading: `Windows IP Configuration` or `<kind> adapter <name>:`.
      cur = null;
      last = 'other';
      if (/:\s*$/.test(line)) {
        cur = {
          name: adapterName(line),
          description: null,
          mac: null,
          ips: [],
          masks: [],
          gateways: [],
          line: lineNo(k),
        };
        into.interfaces.push(cur);
        read++;
      }
      return;
    }
    const kv = KEY_LINE.exec(line);
    const key = kv ? (kv[1] ?? '') : '';
    const value = (kv ? (kv[2] ?? '') : line).trim();
    const field: Field = kv ? fieldOf(key) : last;
    if (kv) last = field;
    if (cur === null) {
      if (kv && /host\s*-?name|nom de l.h[oô]te|nombre de host/i.test(key) && value !== '')
        into.hostName ??= value;
      return;
    }
    const c: RawHostInterface = cur;
    if (kv && MAC.test(value)) {
      if (c.mac === null)
        (c as { mac: string | null }).mac = value.toLowerCase().replace(/-/g, ':');
      return;
    }
    if (kv && /^description|^beschreibung/i.test(key)) {
      (c as { description: string | null }).description = value;
      return;
    }
    const ip = FIRST_IP.exec(value)?.[1];
    if (!ip || !isIpv4(ip)) return;
    if (field === 'ip') c.ips.push(ip);
    else if (field === 'mask') c.masks.push(ip);
    else if (field === 'gateway') c.gateways.push(ip);
  });
  return read;
}

/** Host sections of all inputs, each item with the input it came from. */
export interface HostInput {
  hostName: string | null;
  hostNameInput: string | null;
  readonly interfaces: (RawHostInterface & { readonly input: string })[];
  readonly routes: (RawHostRoute & { readonly input: string })[];
}

export function emptyHostInput(): HostInput {
  return { hostName: null, hostNameInput: null, interfaces: [], routes: [] };
}

export function addHost(into: HostInput, h: RawHost, input: string): void {
  if (into.hostName === null && h.hostName !== null) {
    into.hostName = h.hostName;
    into.hostNameInput = input;
  }
  for (const i of h.interfaces) into.interfaces.push({ ...i, input });
  for (const r of h.routes) into.routes.push({ ...r, input });
}

/**
 * A `route print` / `ipconfig /all` section: from its heading (or the line after its command)
 * up to the next prompt or `#` line. Each section gives one `I_HOST_TEXT` info.
 */
export const hostTextReader: LineReader = {
  name: 'host-text',
  renderings: ['route-print', 'ipconfig'],
  detect: (line, _i, s) => s.hostCommand !== null || hostHeadingOf(line) !== null,
  read(from, s) {
    const { doc, sink, out } = s;
    const kind = s.hostCommand ?? hostHeadingOf(doc.lines[from] ?? '') ?? 'route-print';
    s.hostCommand = null;
    const lines = doc.lines;
    let end = from;
    while (end < lines.length) {
      const l = lines[end] ?? '';
      if (l.trimStart().startsWith('#') || commandOf(l) !== null) break;
      end++;
    }
    const body = lines.slice(from, end);
    const lineNo = (k: number): number => doc.lineNo[from + k] ?? from + k + 1;
    const label = kind === 'route-print' ? 'route print' : 'ipconfig /all';
    const read =
      kind === 'route-print'
        ? parseRoutePrint(body, lineNo, out.host)
        : parseIpconfig(body, lineNo, out.host);
    const at = doc.lineNo[from] ?? from + 1;
    // Known output either way: not an unknown format, even when none of it was read.
    out.renderings.add(kind);
    if (read > 0) {
      sink.add(
        'I_HOST_TEXT',
        at,
        1,
        kind === 'route-print'
          ? `${label}: ${read} IPv4 route(s) read as the node's host routes (loopback, multicast and on-link host routes left out)`
          : `${label}: ${read} adapter(s) read as the node's host interfaces`,
      );
    } else if (body.some((l) => l.trim() !== '')) {
      sink.add(
        'I_HOST_TEXT',
        at,
        1,
        `${label}: nothing hnsviz reads was recognised (other language or layout?); skipped`,
      );
    }
    return end;
  },
};
