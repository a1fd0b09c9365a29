// Starts npm saml-idp (bin/run.js, same arguments) with one change, for the encrypted-assertion interoperability test.
// saml-idp 1.2.1 asks samlp/saml for aes256-cbc content encryption, and saml 4's own xml-encryption 4 refuses that
// algorithm as insecure, so saml-idp alone never sends an encrypted assertion. Here samlp.auth is asked for aes256-gcm
// instead, the algorithm saml 4 uses when none is named. The encryption itself (content key, RSA-OAEP key transport,
// EncryptedAssertion) is still done by those libraries, not by anything written here.
const samlp = require('samlp');
const auth = samlp.auth;
samlp.auth = (options) => auth(options.encryptAssertion
  ? { ...options, encryptionAlgorithm: 'http://www.w3.org/2009/xmlenc11#aes256-gcm' }
  : options);
require('saml-idp/bin/run.js');
