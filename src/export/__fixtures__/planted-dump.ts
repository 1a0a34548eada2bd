/**
 * A dump with a distinctive value planted in every field a user might not want to share:
 * names, DNS suffixes and servers, ACL policy IDs, unknown policies' free text, the host name,
 * interface names, vfpctrl rule names and the file names. Every planted word contains `Zq`.
 */
import type { ParseInput } from '../../parsers/index';

export const NET_ID = 'aaaaaaaa-1111-4222-8333-444444444444';
export const EP_ID = 'bbbbbbbb-1111-4222-8333-444444444444';

/** The planted addresses (each must be replaced by the scrub). */
export const PLANTED_ADDRESSES = [
  NET_ID,
  EP_ID,
  'cccccccc-1111-4222-8333-444444444444',
  '10.66.55.44',
  '10.66.55.45',
  '10.66.55.46',
  '10.66.1.5',
  '10.66.3.0',
  '10.244.7.23',
  '00-15-5D-99-88-77',
  '00-15-5D-77-66-55',
  '00-15-5D-01-02-03',
];

/** Any planted word, in any case. */
export const PLANTED_WORD = /zq/i;

const network = {
  ID: NET_ID,
  Name: 'PlantNetZq',
  Type: 'L2Bridge',
  NetworkAdapterName: 'PlantAdapterZq',
  DNSSuffix: 'plantdnsnetzq.corp.example',
  DNSServerList: '10.66.55.44',
  ManagementIP: '10.66.1.5',
  DrMacAddress: '00-15-5D-77-66-55',
  Subnets: [{ AddressPrefix: '10.244.7.0/24', GatewayAddress: '10.244.7.1' }],
  Policies: [
    { Type: 'PlantPolicyTypeZq', Note: 'PlantFreeTextZq', Deep: { PlantKeyZq: 'PlantDeepZq' } },
  ],
};

const endpoint = {
  ID: EP_ID,
  Name: 'PlantEpNameZq',
  VirtualNetwork: NET_ID,
  VirtualNetworkName: 'PlantNetZq',
  IPAddress: '10.244.7.23',
  PrefixLength: 24,
  MacAddress: '00-15-5D-99-88-77',
  GatewayAddress: '10.244.7.1',
  DNSSuffix: 'plantepsuffixzq.corp.example',
  DNSServerList: '10.66.55.45,10.66.55.46',
  Dns: { Domain: 'plantdomainzq.corp', Search: ['plantsearchzq.corp'], ServerList: ['10.66.55.46'] },
  Policies: [
    {
      Type: 'ACL',
      Id: 'PlantAclIdZq',
      Action: 'Block',
      Direction: 'In',
      Priority: 200,
      Protocols: '6',
      RemoteAddresses: '10.66.3.0/24',
      LocalPorts: '80',
    },
    { Type: 'OutBoundNAT', ExceptionList: ['10.244.0.0/16'] },
    { Type: 'PlantEpPolicyZq', Blob: 'PlantEpRawZq' },
  ],
  State: 2,
  IsRemoteEndpoint: false,
};

const ipconfig = [
  'Windows IP Configuration',
  '',
  '   Host Name . . . . . . . . . . . . : PLANTHOSTZQ',
  '   Primary Dns Suffix  . . . . . . . : plantprimaryzq.corp',
  '',
  'Ethernet adapter vEthernet (PlantIfZq):',
  '',
  '   Physical Address. . . . . . . . . : 00-15-5D-01-02-03',
  '   IPv4 Address. . . . . . . . . . . : 10.66.1.5(Preferred)',
  '   Subnet Mask . . . . . . . . . . . : 255.255.255.0',
  '   Default Gateway . . . . . . . . . : 10.66.1.1',
  '',
].join('\n');

const vfp = [
  `vfpctrl /port ${EP_ID} /layer ACL_ENDPOINT_LAYER /list-rule`,
  ' ITEM LIST',
  '===========',
  '',
  '  GROUP : ACL_ENDPOINT_GROUP_IPV4_OUT',
  '      Friendly name : ACL_ENDPOINT_GROUP_IPV4_OUT',
  '      Priority : 1',
  '      Direction : OUT',
  '      Type : IPv4',
  '        Conditions:',
  '            <none>',
  '      Match type : Priority-based match',
  '',
  '    RULE : CCCCCCCC-1111-4222-8333-444444444444',
  '        Friendly name : plant-rule-friendlyzq',
  '        Priority : 900',
  '        Flags : 8195 terminating stateful ',
  '        Type : allow',
  '        Conditions:',
  '            Destination IP : 10.66.55.44',
  '',
].join('\n');

/** The planted inputs, under planted file names. */
export function plantedInputs(): ParseInput[] {
  return [
    { name: 'plant-file-zq.json', text: JSON.stringify([network, endpoint], null, 2) },
    { name: 'plant-ipconfig-zq.txt', text: ipconfig },
    { name: 'plant-vfp-zq.txt', text: vfp },
  ];
}
