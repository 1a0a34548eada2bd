const NETWORKS = [
  ['l2bridge', 'L2Bridge network'],
  ['overlay', 'Overlay network'],
  ['nat', 'NAT network / WinNAT'],
] as const;

const LAYERS = [
  ['acl', 'ACL layer'],
  ['lb', 'Load balancing / NAT'],
  ['vnet', 'VNET routing'],
  ['encap', 'VXLAN encap'],
] as const;

/** Colour key for the drawing (every colour also has a text label in the drawing). */
export function Legend() {
  return (
    <aside className="hv-legend" aria-label="Legend">
      <ul>
        {[...NETWORKS, ...LAYERS].map(([tone, text]) => (
          <li key={tone}>
            <span className={`hv-swatch tone-${tone}`} aria-hidden="true" />
            {text}
          </li>
        ))}
      </ul>
      <p>Scroll to zoom · zoom in for ports and VFP layers · click a port for its rules</p>
    </aside>
  );
}
