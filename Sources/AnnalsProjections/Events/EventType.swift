/// Every event type Annals writes, past tense: what happened to a source, or what a source says
/// happened in the world.
public enum EventType: String, Sendable, CaseIterable {
    // What happened to the readouts (the record itself).
    case sourceAdded = "SourceAdded"
    case sourceRevised = "SourceRevised"
    case sourceRenamed = "SourceRenamed"
    case sourceWithdrawn = "SourceWithdrawn"
    /// The stored text was run through a newer extractor; the facts it now supports are listed.
    case sourceReextracted = "SourceReextracted"
    case factRetracted = "FactRetracted"
    case payloadRedacted = "PayloadRedacted"
    // What the readouts say happened in the world (one per fact type of FACTS.md).
    case meetingHeld = "MeetingHeld"
    case partnershipEstablished = "PartnershipEstablished"
    case partnershipReferenced = "PartnershipReferenced"
    case documentSigned = "DocumentSigned"
    case officialsAttended = "OfficialsAttended"
    case positionStated = "PositionStated"
    case cooperationAgreed = "CooperationAgreed"
    case ceremonyHeld = "CeremonyHeld"

    /// True for the event types that assert a fact of a readout.
    public var assertsFact: Bool {
        switch self {
        case .sourceAdded, .sourceRevised, .sourceRenamed, .sourceWithdrawn, .sourceReextracted, .factRetracted, .payloadRedacted:
            return false
        default: return true
        }
    }

    /// The current payload schema version written for this type; `Upcaster` reads older ones.
    public var currentSchema: Int {
        switch self {
        case .meetingHeld: return 2
        default: return 1
        }
    }
}
