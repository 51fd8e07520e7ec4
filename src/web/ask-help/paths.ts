/** The sender's way back with their code: the same address for every region (the code finds the request). */
export const ANSWERS_PATH = '/apua/vastaukset';
export const askHelpPath = (regionId: string) => `/apua/${regionId}`;
