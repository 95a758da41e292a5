/** The customer of `sampleReferralJson`, for specs that look for it in what the bot posts. */
export const SAMPLE_CUSTOMER = 'Contoso Pharma Korea';

/** A realistic Partner-Center-shaped referral, as a source would send it. `overrides` replace top-level fields. */
export function sampleReferralJson(
  externalId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: externalId,
    name: 'Contoso Pharma — Azure landing zone',
    createdDateTime: '2026-11-20T08:30:00Z',
    customerProfile: {
      name: SAMPLE_CUSTOMER,
      address: {
        addressLine1: '152 Teheran-ro',
        city: 'Seoul',
        state: 'Seoul',
        postalCode: '06236',
        country: 'KR',
        region: 'APAC',
      },
      size: '251to1000employees',
      team: [
        {
          firstName: 'Ji-woo',
          lastName: 'Park',
          email: 'jiwoo.park@contoso-pharma.example',
          phoneNumber: '+82 2 555 0100',
        },
      ],
    },
    consent: { consentToToShareInfoWithOthers: true, consentToContact: true },
    details: {
      notes: 'We need help designing an Azure landing zone and migrating 40 VMs before Q2.',
      dealValue: 120000,
      currency: 'USD',
      closingDateTime: '2027-03-31T00:00:00Z',
      requirements: {
        industries: ['Healthcare'],
        products: ['Azure'],
        services: ['Migration'],
        solutions: [{ id: 'sol-1', name: 'Azure Landing Zone Accelerator', type: 'IpCoSell' }],
      },
      customerRequestedContact: false,
    },
    ...overrides,
  };
}
