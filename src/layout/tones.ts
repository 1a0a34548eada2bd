/**
 * Colour categories ("tones") for drawn objects. The renderer maps each tone to a CSS
 * variable; the palette is Okabe–Ito, which stays distinguishable with colour-blindness, and
 * every tone is paired with a text label so colour never carries meaning alone.
 */
import type { NetworkType, VfpRuleType } from '../model/types';

/** Tone of an HNS network type (also used for the endpoints on it). */
export function networkTone(type: NetworkType): string {
  switch (type) {
    case 'nat':
    case 'ics':
      return 'nat';
    case 'l2bridge':
    case 'l2tunnel':
      return 'l2bridge';
    case 'overlay':
      return 'overlay';
    case 'transparent':
      return 'transparent';
    case 'private':
    case 'internal':
    case 'unknown':
      return 'neutral';
  }
}

/** Tone of a VFP layer, from its name: ACL, load balancing/NAT, or virtual network routing. */
export function layerTone(name: string): string {
  const n = name.toUpperCase();
  if (n.includes('ACL') || n.includes('FW_')) return 'acl';
  if (n.includes('ENCAP') || n.includes('DECAP')) return 'encap';
  if (n.startsWith('LB') || n.includes('SLB') || n.includes('NAT')) return 'lb';
  if (n.startsWith('VNET') || n.includes('ROUTE') || n.includes('MAC')) return 'vnet';
  return 'neutral';
}

/** Tone of a VFP rule type. */
export function ruleTone(type: VfpRuleType): string {
  switch (type) {
    case 'allow':
      return 'allow';
    case 'block':
      return 'block';
    case 'nat':
    case 'dynnat':
    case 'lbnat':
      return 'lb';
    case 'encap':
    case 'decap':
      return 'encap';
    case 'transpose':
    case 'paroute':
      return 'vnet';
    case 'other':
      return 'neutral';
  }
}
