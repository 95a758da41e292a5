import { signBody, SIGNATURE_HEADER } from '../../intake/signature';

/** Who the demo customers are: varied regions, sizes and needs, one asking to be called. */
interface DemoCustomer {
  name: string;
  title: string;
  city: string;
  state: string;
  country: string;
  region: string;
  size: string;
  contact: { firstName: string; lastName: string; email: string; phoneNumber: string };
  notes: string;
  dealValue: number;
  currency: string;
  industries: string[];
  products: string[];
  services: string[];
  solution: string;
  contactMe?: boolean;
}

const CUSTOMERS: DemoCustomer[] = [
  {
    name: 'Hanbit Pharmaceuticals',
    title: 'Azure landing zone and VM migration',
    city: 'Seoul',
    state: 'Seoul',
    country: 'KR',
    region: 'APAC',
    size: '251to1000employees',
    contact: {
      firstName: 'Ji-woo',
      lastName: 'Park',
      email: 'jiwoo.park@hanbit-pharma.example',
      phoneNumber: '+82 2 555 0100',
    },
    notes: 'We need a landing zone designed and about 40 VMs migrated before our Q2 audit. Please call us.',
    dealValue: 120000,
    currency: 'USD',
    industries: ['Healthcare'],
    products: ['Azure'],
    services: ['Migration'],
    solution: 'Azure Landing Zone Accelerator',
    contactMe: true,
  },
  {
    name: 'Nordwind Logistik GmbH',
    title: 'Dynamics 365 Field Service rollout',
    city: 'Hamburg',
    state: 'Hamburg',
    country: 'DE',
    region: 'EMEA',
    size: '1001to5000employees',
    contact: {
      firstName: 'Lena',
      lastName: 'Hoffmann',
      email: 'lena.hoffmann@nordwind.example',
      phoneNumber: '+49 40 5550 1234',
    },
    notes: 'Looking for a partner to roll out Field Service to 300 technicians across three depots.',
    dealValue: 250000,
    currency: 'EUR',
    industries: ['Transportation'],
    products: ['Dynamics 365'],
    services: ['Implementation'],
    solution: 'Dynamics 365 Field Service',
  },
  {
    name: 'Blue Ridge Dental Group',
    title: 'Microsoft 365 security baseline',
    city: 'Asheville',
    state: 'NC',
    country: 'US',
    region: 'Americas',
    size: '10to50employees',
    contact: {
      firstName: 'Marcus',
      lastName: 'Reed',
      email: 'marcus.reed@blueridgedental.example',
      phoneNumber: '+1 828 555 0199',
    },
    notes: 'Small practice, 14 seats. We want MFA, device management and email protection set up properly.',
    dealValue: 15000,
    currency: 'USD',
    industries: ['Healthcare'],
    products: ['Microsoft 365'],
    services: ['Security'],
    solution: 'Microsoft 365 Business Premium',
  },
  {
    name: 'Sakura Retail Holdings',
    title: 'Copilot for sales teams pilot',
    city: 'Osaka',
    state: 'Osaka',
    country: 'JP',
    region: 'APAC',
    size: '5001to10000employees',
    contact: {
      firstName: 'Haruto',
      lastName: 'Sato',
      email: 'haruto.sato@sakura-retail.example',
      phoneNumber: '+81 6 5555 0142',
    },
    notes: 'We would like a 200-seat Copilot pilot for store managers with adoption training.',
    dealValue: 90000,
    currency: 'USD',
    industries: ['Retail'],
    products: ['Microsoft 365 Copilot'],
    services: ['Adoption'],
    solution: 'Copilot for Microsoft 365',
  },
];

/** Demo referrals in Partner Center's shape; `serial` keeps each external id new (the intake is idempotent). */
export function demoReferral(index: number, serial: string, createdAt: Date): Record<string, unknown> {
  const c = CUSTOMERS[index % CUSTOMERS.length]!;
  return {
    id: `demo-${serial}-${index}`,
    name: `${c.name} — ${c.title}`,
    createdDateTime: createdAt.toISOString(),
    customerProfile: {
      name: c.name,
      address: { city: c.city, state: c.state, country: c.country, region: c.region },
      size: c.size,
      team: [c.contact],
    },
    consent: { consentToShareInfoWithOthers: true, consentToContact: true },
    details: {
      notes: c.notes,
      dealValue: c.dealValue,
      currency: c.currency,
      requirements: {
        industries: c.industries,
        products: c.products,
        services: c.services,
        solutions: [{ id: `sol-${index}`, name: c.solution, type: 'IpCoSell' }],
      },
      customerRequestedContact: c.contactMe === true,
    },
  };
}

export const DEMO_REFERRAL_COUNT = CUSTOMERS.length;

/** Sends one referral through the real intake API, signed like any other client. */
export async function sendReferral(baseUrl: string, secret: string, body: Record<string, unknown>) {
  const json = JSON.stringify(body);
  const res = await fetch(`${baseUrl}/api/referrals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(secret, json) },
    body: json,
  });
  if (res.status >= 300) throw new Error(`intake answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id: string; created: boolean };
}
