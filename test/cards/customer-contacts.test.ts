import { mailtoUrl, showsCustomerContacts, telUrl } from '../../cards/customer-contacts';
import { activeReferral, closedReferral, newReferral } from '../core/fixtures';

describe('customer contacts', () => {
  it('are shown while the customer consents, and kept on Won and Lost', () => {
    expect(showsCustomerContacts(newReferral())).toBe(true);
    expect(showsCustomerContacts(activeReferral())).toBe(true);
    expect(showsCustomerContacts(closedReferral('Won'))).toBe(true);
    expect(showsCustomerContacts(closedReferral('Lost'))).toBe(true);
  });

  it('disappear once Declined or Expired, as in Partner Center, and without consent', () => {
    expect(showsCustomerContacts(closedReferral('Declined'))).toBe(false);
    expect(showsCustomerContacts(closedReferral('Expired'))).toBe(false);
    expect(
      showsCustomerContacts(newReferral({ consent: { shareInfoWithOthers: true, contact: false } })),
    ).toBe(false);
  });

  it.each([
    ['sue.smith@contoso.com', 'mailto:sue.smith@contoso.com'],
    ['  lee.park+deals@fabrikam.example ', 'mailto:lee.park+deals@fabrikam.example'],
    ['민지@회사.한국', 'mailto:민지@회사.한국'],
    ['sue at contoso', undefined],
    ['sue@contoso', undefined],
    ['sue@contoso.com, joe@contoso.com', undefined],
    // Well-formed for the core, but a mailto: URL would have to escape it.
    ['joe?cc=all@contoso.com', undefined],
    ['joe%40x@contoso.com', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('writes the email %p as %p', (address, url) => {
    expect(mailtoUrl(address)).toBe(url);
  });

  it.each([
    ['+1 425 555 0100', 'tel:+14255550100'],
    ['1234567890', 'tel:1234567890'],
    ['010-1234-5678', 'tel:01012345678'],
    ['+82 10 1234 5678', 'tel:+821012345678'],
    // Brackets and dots are a local notation: shown as text, not dialled by a guess.
    ['+1 (403) 569-8759', undefined],
    ['425.555.0100', undefined],
    ['12345', undefined],
    ['call me after 5', undefined],
    ['1-800-FLOWERS', undefined],
    ['javascript:alert(1)', undefined],
    [undefined, undefined],
  ])('dials the phone %p as %p', (number, url) => {
    expect(telUrl(number)).toBe(url);
  });
});
