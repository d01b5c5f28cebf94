// The pages of documents and consultations, as one lazy chunk: one import in the router (each
// lazy import there adds its list of preloaded files to the first page; DESIGN §6 budget).

export { AgendaItemDocuments } from '../consultations/agenda-item-documents.tsx';
export { ConsultationPage } from '../consultations/consultation-page.tsx';
export { ConsultationsPage } from '../consultations/consultations-page.tsx';
export { MeetingConsultations } from '../consultations/meeting-section.tsx';
export { DocumentNewPage } from './document-new-page.tsx';
export { DocumentPage } from './document-page.tsx';
export { DocumentsPage } from './documents-page.tsx';
