/** One emergency contact, in the order they are to be called. */
export interface EmergencyContact {
  name: string;
  relation: string;
  phone: string;
}

/** Every field of an elder's record that a person writes, checked; the community by id. */
export interface ElderFields {
  name: string;
  gender: 'female' | 'male';
  /** YYYY-MM-DD */
  birthDate: string;
  idNumber: string;
  /** Empty for an elder without a telephone. */
  phone: string;
  address: string;
  communityId: string;
  categories: string[];
  medicalNotes: string;
  contacts: EmergencyContact[];
  keySafeCode: string | null;
  home: { lat: number; lon: number } | null;
}
