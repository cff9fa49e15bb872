/* tslint:disable */
/* eslint-disable */
export * from './AnalyticsApi';
export * from './DomainsApi';
export * from './IntelligenceApi';
export * from './MediaApi';
export * from './ProjectsApi';
export * from './SourcesApi';
export * from './TransformsApi';
export * from './UploadsApi';
export * from './WebhooksApi';
export * from './WorkflowsApi';
