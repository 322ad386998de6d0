enum PartnershipPatterns { static func find(_ s: Assembly) -> [Fact] { [] } }
enum DocumentPatterns { static func find(_ s: Assembly) -> [Fact] { [] } }
enum AttendancePatterns { static func find(_ s: Assembly) -> [Fact] { [] } }
enum PositionPatterns { static func find(_ s: Assembly) -> [Fact] { [] } }
enum CooperationPatterns { static func find(_ s: Assembly) -> [Fact] { [] } }
enum CeremonyPatterns { static func find(_ s: Assembly) -> [Fact] { [] } }
