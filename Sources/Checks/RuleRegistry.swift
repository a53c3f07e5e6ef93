/// Every rule plimsoll ships, in id order. Docs, `plimsoll rules` and the example tests read this list.
public enum RuleRegistry {
    public static let dockerfileRules: [any DockerfileRule.Type] = [
        ConsecutiveRun.self,
        AptListsNotRemoved.self,
        UserMissing.self,
        UserRoot.self,
        CopyWholeContext.self,
        BaseImageUnpinnedTag.self,
        UntrustedRegistry.self,
        WorkdirRelative.self,
        CdInRun.self,
        SudoInRun.self,
        AddInsteadOfCopy.self,
        AptGetMissingYes.self,
        AptNoInstallRecommends.self,
        ApkAddWithoutNoCache.self,
        AptInsteadOfAptGet.self,
        CopyDestinationNotDirectory.self,
        CopyFromOwnStage.self,
        CopyFromUnknownStage.self,
        DuplicateStageName.self,
        MaintainerDeprecated.self,
        MultipleCmd.self,
        MultipleEntrypoint.self,
        MultipleHealthcheck.self,
        PipefailMissing.self,
        ExposeInvalidPort.self,
        ExposeAdministrativePort.self,
        ShellFormCommand.self,
        PipCacheLeft.self,
        UseraddLargeUID.self,
        WgetProgressBar.self,
        CurlAndWget.self,
        ShellSymlink.self,
        UpdateAlone.self,
        RpmCacheLeft.self,
        RpmInstallMissingYes.self,
        YarnCacheLeft.self,
        EnvSelfReference.self,
        CopyRelativeDestination.self,
        FromPlatformConstant.self,
        InteractiveCommand.self,
        CurlPipeShell.self,
        TLSVerificationDisabled.self,
        WorldWritableChmod.self,
        AddURLWithoutChecksum.self,
        SecretInArgOrEnv.self,
        CleanupInLaterLayer.self,
        BaseImageDigest.self,
        PackageVersionUnpinned.self,
        EndOfLifeBase.self,
        SmallerBaseVariant.self,
        ToolchainFinalBase.self,
        HealthcheckMissing.self,
        LabelKeyInvalid.self,
        CopyArchiveThenExtract.self,
        DistUpgrade.self,
        LabelSchema.self,
    ]

    public static let contextRules: [any ContextRule.Type] = [
        DockerignoreMissing.self,
        SecretInContext.self,
        SecretCopiedIntoImage.self,
        VCSOrEditorDirectory.self,
        DependencyDirectorySent.self,
        JunkFiles.self,
        LargeFile.self,
        LargeContext.self,
        CopySourceIgnored.self,
        CopySourceMissing.self,
        IgnorePatternUnused.self,
    ]

    public static let imageRules: [any ImageRule.Type] = [
        RemovedInLaterLayer.self,
        OverwrittenInLaterLayer.self,
        CacheLeftInImage.self,
        LargeImageFile.self,
        LowEfficiency.self,
        ReclaimableLimit.self,
        ImageSizeLimit.self,
        BuildToolchainLeft.self,
        DocumentationLeft.self,
        BytecodeLeft.self,
    ]

    /// All rule descriptions, the linter's own findings included: Dockerfile rules, then context rules, then image rules, by id.
    public static let all: [RuleMeta] = (
        [BuiltinFindings.syntaxError, BuiltinFindings.invalidInstruction] + dockerfileRules.map { $0.meta }
    ).sorted { $0.id < $1.id } + contextRules.map { $0.meta }.sorted { $0.id < $1.id } + imageRules.map { $0.meta }.sorted { $0.id < $1.id }

    public static func meta(named identifier: String) -> RuleMeta? {
        all.first { $0.isNamed(identifier) }
    }
}
