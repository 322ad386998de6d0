extension EventType {
    /// The type whose raw value has exactly these UTF-8 bytes, or nil: `init(rawValue:)` for a
    /// type column read in place, without building a `String` per event.
    init?(utf8 bytes: UnsafeRawBufferPointer) {
        for type in EventType.allCases where type.rawValue.utf8.count == bytes.count {
            if type.rawValue.utf8.elementsEqual(bytes) {
                self = type
                return
            }
        }
        return nil
    }
}
