/**
 * SharePoint's FieldTypeKind numbers (SP.FieldType enumeration).
 * Reference: https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-csom/ee540543(v=office.15)
 */

/** SharePoint FieldTypeKind values the store understands. */
export const FieldType = {
  Integer: 1,
  Text: 2,
  Note: 3,
  DateTime: 4,
  Counter: 5,
  Choice: 6,
  Lookup: 7,
  Boolean: 8,
  Number: 9,
  Currency: 10,
  MultiChoice: 15,
  File: 18,
  User: 20
} as const;
