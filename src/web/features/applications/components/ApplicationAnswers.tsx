import type { FormField } from '../../../../shared/measures.ts';
import { AnswersTable } from '../../../components/ui/AnswersTable.tsx';
import type { SupportApplication } from '../api/applications.ts';

/** A filed application's answers, read-only, in the order of the form, after the requested amount. */
export function ApplicationAnswers({ application, fields }: { application: SupportApplication; fields: FormField[] }) {
  return (
    <AnswersTable
      fields={fields}
      answers={application.answers}
      documents={application.documents}
      requestedAmountKopecks={application.requestedAmountKopecks}
    />
  );
}
