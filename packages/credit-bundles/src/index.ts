export { CreditBundle } from './CreditBundle';
export { CreditBundleList, ListCreditBundlesParams, listCreditBundles } from './listCreditBundles';
export { retrieveCreditBundle } from './retrieveCreditBundle';
