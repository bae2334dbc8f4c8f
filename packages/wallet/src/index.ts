export { FundWalletParams, FundWalletResult, fundWallet } from './fundWallet';
export { retrieveWallet } from './retrieveWallet';
export { Wallet } from './Wallet';
