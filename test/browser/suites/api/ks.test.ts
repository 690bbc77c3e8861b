import { expect } from '@open-wc/testing';
import { parseKs, redact, rememberSecret } from '../../../../src/api/ks.js';
import { mintKs, newPartner } from '../../helpers.js';

const v1 = (fields: string, urlSafe = false) => {
  const text = btoa(`0123456789abcdef0123456789abcdef01234567|${fields}`);
  return urlSafe ? text.replace(/\+/g, '-').replace(/\//g, '_') : text;
};

describe('ks: reading a KS without its secret', () => {
  it('reads partner, expiry, type, user and privileges from a v1 KS', () => {
    const info = parseKs(v1('123;123;1900000000;0;4242;ada@example.com;sview:*,edit:1_abc'));
    expect(info).to.deep.equal({
      version: 1,
      partnerId: 123,
      expiresAt: new Date(1_900_000_000_000),
      type: 0,
      userId: 'ada@example.com',
      privileges: 'sview:*,edit:1_abc',
    });
  });

  it('reads the URL-safe alphabet too', () => {
    // "???" encodes to "Pz8/" in standard base64: the URL-safe form has "_".
    const ks = v1('77;77;1900000000;2;1;user???;', true);
    expect(ks).to.match(/[_-]/);
    expect(parseKs(ks)?.type).to.equal(2);
    expect(parseKs(ks)?.userId).to.equal('user???');
  });

  it('reads only the partner of a v2 KS', async () => {
    const partnerId = newPartner();
    const { ks } = await mintKs(partnerId, { format: 'v2' });
    expect(parseKs(ks)).to.deep.equal({ version: 2, partnerId });
  });

  it('reads a v1 KS minted by the sandbox', async () => {
    const partnerId = newPartner();
    const { ks } = await mintKs(partnerId, { format: 'v1', userId: 'grace@example.com', privileges: 'sview:*' });
    const info = parseKs(ks);
    expect(info?.partnerId).to.equal(partnerId);
    expect(info?.userId).to.equal('grace@example.com');
    expect(info?.type).to.equal(0);
    expect(info?.expiresAt?.getTime()).to.be.greaterThan(Date.now());
  });

  it('returns undefined for text that is not a KS', () => {
    expect(parseKs('hello world')).to.equal(undefined);
    expect(parseKs('')).to.equal(undefined);
    expect(parseKs(btoa('no separator here'))).to.equal(undefined);
  });

  it('redacts KS-like text and remembered secrets', async () => {
    const { ks } = await mintKs(newPartner());
    expect(redact(`POST failed for ${ks} at /x`)).to.equal('POST failed for [KS] at /x');
    rememberSecret('short-secret');
    expect(redact('token=short-secret;')).to.equal('token=[KS];');
    expect(redact('userScore/list: not found (404)')).to.equal('userScore/list: not found (404)');
  });
});
