/** registrations.csv: everyone who registered for any of the event's days. */
import { z } from 'zod';
import { SECTORS } from '../../domain/types.js';
import { EVENT_NAMES, ROLES, type EventName, type Registrant, type Role } from '../../domain/allocation.js';
import { boolOrNoCell, choiceListCell, idCell, nameCell, nameOr, optionalChoiceCell, textCell } from '../cells.js';
import { readSheet, type FileText, type Sheet } from '../rows/sheet.js';
import { byId } from '../../domain/compare.js';

export const REGISTRATIONS_FILE = 'registrations.csv';

const shape = z.object({
  id: idCell,
  name: nameCell,
  email: textCell,
  organization: textCell,
  sector: optionalChoiceCell(SECTORS),
  country: textCell,
  registered_at: textCell,
  events: choiceListCell<EventName>(EVENT_NAMES),
  roles: choiceListCell<Role>(ROLES),
  point_of_contact: boolOrNoCell,
});

export function readRegistrations(text: FileText): Sheet<Registrant> {
  return readSheet(
    {
      file: REGISTRATIONS_FILE,
      columns: ['id', 'name', 'email', 'organization', 'sector', 'country', 'registered_at', 'events', 'roles', 'point_of_contact'],
      idColumn: 'id',
      required: true,
      schema: shape,
      build: (v, row): Registrant => ({
        id: v.id,
        name: nameOr(v.name, v.id),
        email: v.email,
        organization: v.organization,
        sector: v.sector,
        country: v.country,
        registeredAt: v.registered_at,
        events: [...new Set(v.events)],
        roles: [...new Set(v.roles)],
        pointOfContact: v.point_of_contact,
        line: row.line,
      }),
      order: byId,
    },
    text,
  );
}
