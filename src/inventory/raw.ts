/**
 * zod schemas of the raw AWS API responses, as the AWS CLI prints them. Only the fields
 * ownmap reads are typed; every object is loose, so unknown fields pass through. Field
 * names follow the AWS API reference exactly.
 */
import { z } from 'zod';

const S = z.string();
const oS = S.optional();
const oB = z.boolean().optional();
const oN = z.number().optional();
// Strict about the fields read, silent about the rest: z.object drops unread fields (cheaper
// than looseObject, which copies them), and unknown fields never fail a file.
const obj = z.object;

export const Tags = z.array(obj({ Key: S, Value: z.string().default('') })).optional();

// ---------------------------------------------------------------- EC2
export const AvailabilityZones = obj({
  AvailabilityZones: z.array(
    obj({
      ZoneName: S,
      ZoneId: S,
      RegionName: oS,
      ZoneType: oS,
      OptInStatus: oS,
      State: oS,
      GroupName: oS,
    }),
  ),
});

export const Vpcs = obj({
  Vpcs: z.array(
    obj({
      VpcId: S,
      OwnerId: oS,
      CidrBlock: oS,
      CidrBlockAssociationSet: z.array(obj({ CidrBlock: oS })).optional(),
      Ipv6CidrBlockAssociationSet: z.array(obj({ Ipv6CidrBlock: oS })).optional(),
      IsDefault: oB,
      State: oS,
      Tags,
    }),
  ),
});

export const Subnets = obj({
  Subnets: z.array(
    obj({
      SubnetId: S,
      VpcId: S,
      OwnerId: oS,
      AvailabilityZone: oS,
      AvailabilityZoneId: oS,
      CidrBlock: oS,
      Ipv6CidrBlockAssociationSet: z.array(obj({ Ipv6CidrBlock: oS })).optional(),
      MapPublicIpOnLaunch: oB,
      SubnetArn: oS,
      Tags,
    }),
  ),
});

export const Route = obj({
  DestinationCidrBlock: oS,
  DestinationIpv6CidrBlock: oS,
  DestinationPrefixListId: oS,
  GatewayId: oS,
  NatGatewayId: oS,
  TransitGatewayId: oS,
  VpcPeeringConnectionId: oS,
  EgressOnlyInternetGatewayId: oS,
  NetworkInterfaceId: oS,
  InstanceId: oS,
  LocalGatewayId: oS,
  CarrierGatewayId: oS,
  CoreNetworkArn: oS,
  State: oS,
  Origin: oS,
});

export const RouteTables = obj({
  RouteTables: z.array(
    obj({
      RouteTableId: S,
      VpcId: S,
      OwnerId: oS,
      Routes: z.array(Route).default([]),
      Associations: z
        .array(
          obj({
            Main: oB,
            RouteTableAssociationId: oS,
            RouteTableId: oS,
            SubnetId: oS,
            GatewayId: oS,
            AssociationState: obj({ State: oS }).optional(),
          }),
        )
        .default([]),
      Tags,
    }),
  ),
});

export const InternetGateways = obj({
  InternetGateways: z.array(
    obj({
      InternetGatewayId: S,
      OwnerId: oS,
      Attachments: z.array(obj({ VpcId: oS, State: oS })).default([]),
      Tags,
    }),
  ),
});

export const EgressOnlyInternetGateways = obj({
  EgressOnlyInternetGateways: z.array(
    obj({
      EgressOnlyInternetGatewayId: S,
      Attachments: z.array(obj({ VpcId: oS, State: oS })).default([]),
      Tags,
    }),
  ),
});

export const NatGateways = obj({
  NatGateways: z.array(
    obj({
      NatGatewayId: S,
      VpcId: oS,
      SubnetId: oS,
      State: oS,
      ConnectivityType: oS,
      NatGatewayAddresses: z
        .array(obj({ PublicIp: oS, PrivateIp: oS, NetworkInterfaceId: oS, AllocationId: oS }))
        .default([]),
      Tags,
    }),
  ),
});

export const VpcEndpoints = obj({
  VpcEndpoints: z.array(
    obj({
      VpcEndpointId: S,
      VpcEndpointType: oS,
      VpcId: oS,
      ServiceName: oS,
      State: oS,
      PolicyDocument: oS,
      RouteTableIds: z.array(S).default([]),
      SubnetIds: z.array(S).default([]),
      NetworkInterfaceIds: z.array(S).default([]),
      PrivateDnsEnabled: oB,
      OwnerId: oS,
      Tags,
    }),
  ),
});

const PeeringVpcInfo = obj({
  CidrBlock: oS,
  CidrBlockSet: z.array(obj({ CidrBlock: oS })).optional(),
  Ipv6CidrBlockSet: z.array(obj({ Ipv6CidrBlock: oS })).optional(),
  OwnerId: oS,
  VpcId: oS,
  Region: oS,
});

export const VpcPeeringConnections = obj({
  VpcPeeringConnections: z.array(
    obj({
      VpcPeeringConnectionId: S,
      AccepterVpcInfo: PeeringVpcInfo.optional(),
      RequesterVpcInfo: PeeringVpcInfo.optional(),
      Status: obj({ Code: oS, Message: oS }).optional(),
      Tags,
    }),
  ),
});

export const TransitGateways = obj({
  TransitGateways: z.array(
    obj({
      TransitGatewayId: S,
      TransitGatewayArn: oS,
      OwnerId: oS,
      State: oS,
      Options: obj({
        AssociationDefaultRouteTableId: oS,
        PropagationDefaultRouteTableId: oS,
        AmazonSideAsn: oN,
      }).optional(),
      Tags,
    }),
  ),
});

export const TransitGatewayAttachments = obj({
  TransitGatewayAttachments: z.array(
    obj({
      TransitGatewayAttachmentId: S,
      TransitGatewayId: oS,
      TransitGatewayOwnerId: oS,
      ResourceOwnerId: oS,
      ResourceType: oS,
      ResourceId: oS,
      State: oS,
      Association: obj({ TransitGatewayRouteTableId: oS, State: oS }).optional(),
      Tags,
    }),
  ),
});

const PeeringTgwInfo = obj({
  TransitGatewayId: oS,
  OwnerId: oS,
  Region: oS,
  CoreNetworkId: oS,
});

export const TransitGatewayPeeringAttachments = obj({
  TransitGatewayPeeringAttachments: z.array(
    obj({
      TransitGatewayAttachmentId: S,
      RequesterTgwInfo: PeeringTgwInfo.optional(),
      AccepterTgwInfo: PeeringTgwInfo.optional(),
      State: oS,
      Status: obj({ Code: oS, Message: oS }).optional(),
      Tags,
    }),
  ),
});

export const TransitGatewayRouteTables = obj({
  TransitGatewayRouteTables: z.array(
    obj({
      TransitGatewayRouteTableId: S,
      TransitGatewayId: oS,
      State: oS,
      DefaultAssociationRouteTable: oB,
      DefaultPropagationRouteTable: oB,
      Tags,
    }),
  ),
});

export const TransitGatewayRoutes = obj({
  Routes: z
    .array(
      obj({
        DestinationCidrBlock: oS,
        PrefixListId: oS,
        Type: oS,
        State: oS,
        TransitGatewayAttachments: z
          .array(obj({ ResourceId: oS, TransitGatewayAttachmentId: oS, ResourceType: oS }))
          .default([]),
      }),
    )
    .default([]),
  AdditionalRoutesAvailable: oB,
});

const TgwRtbLink = obj({
  TransitGatewayAttachmentId: oS,
  ResourceId: oS,
  ResourceType: oS,
  State: oS,
});
export const TransitGatewayRouteTableAssociations = obj({
  Associations: z.array(TgwRtbLink).default([]),
});
export const TransitGatewayRouteTablePropagations = obj({
  TransitGatewayRouteTablePropagations: z.array(TgwRtbLink).default([]),
});

export const NetworkInterfaces = obj({
  NetworkInterfaces: z.array(
    obj({
      NetworkInterfaceId: S,
      SubnetId: oS,
      VpcId: oS,
      AvailabilityZone: oS,
      AvailabilityZoneId: oS,
      OwnerId: oS,
      RequesterId: oS,
      RequesterManaged: oB,
      InterfaceType: oS,
      Description: oS,
      PrivateIpAddress: oS,
      PrivateDnsName: oS,
      PrivateIpAddresses: z
        .array(
          obj({
            PrivateIpAddress: oS,
            PrivateDnsName: oS,
            Association: obj({ PublicIp: oS }).optional(),
          }),
        )
        .default([]),
      Ipv6Addresses: z.array(obj({ Ipv6Address: oS })).default([]),
      Association: obj({ PublicIp: oS, IpOwnerId: oS }).optional(),
      Attachment: obj({ InstanceId: oS, InstanceOwnerId: oS, Status: oS }).optional(),
      Groups: z.array(obj({ GroupId: oS, GroupName: oS })).default([]),
      TagSet: Tags,
    }),
  ),
});

export const Instances = obj({
  Reservations: z.array(
    obj({
      OwnerId: oS,
      Instances: z
        .array(
          obj({
            InstanceId: S,
            InstanceType: oS,
            SubnetId: oS,
            VpcId: oS,
            PrivateIpAddress: oS,
            PublicIpAddress: oS,
            Placement: obj({ AvailabilityZone: oS, AvailabilityZoneId: oS }).optional(),
            State: obj({ Name: oS }).optional(),
            IamInstanceProfile: obj({ Arn: oS }).optional(),
            NetworkInterfaces: z.array(obj({ NetworkInterfaceId: oS })).default([]),
            Tags,
          }),
        )
        .default([]),
    }),
  ),
});

export const Volumes = obj({
  Volumes: z
    .array(
      obj({
        VolumeId: S,
        AvailabilityZone: oS,
        AvailabilityZoneId: oS,
        Encrypted: z.boolean().optional(),
        KmsKeyId: oS,
        State: oS,
        VolumeType: oS,
        Size: oN,
        Attachments: z
          .array(obj({ InstanceId: oS, Device: oS, State: oS, VolumeId: oS }))
          .default([]),
        Tags,
      }),
    )
    .default([]),
});

const IpPermission = obj({
  IpProtocol: oS,
  FromPort: oN,
  ToPort: oN,
  IpRanges: z.array(obj({ CidrIp: oS })).default([]),
  Ipv6Ranges: z.array(obj({ CidrIpv6: oS })).default([]),
  PrefixListIds: z.array(obj({ PrefixListId: oS })).default([]),
  UserIdGroupPairs: z
    .array(obj({ GroupId: oS, UserId: oS, VpcId: oS, VpcPeeringConnectionId: oS }))
    .default([]),
});

export const SecurityGroups = obj({
  SecurityGroups: z.array(
    obj({
      GroupId: S,
      GroupName: oS,
      OwnerId: oS,
      VpcId: oS,
      IpPermissions: z.array(IpPermission).default([]),
      IpPermissionsEgress: z.array(IpPermission).default([]),
      Tags,
    }),
  ),
});

export const NetworkAcls = obj({
  NetworkAcls: z.array(
    obj({
      NetworkAclId: S,
      VpcId: oS,
      IsDefault: oB,
      OwnerId: oS,
      Entries: z
        .array(
          obj({
            RuleNumber: oN,
            Protocol: oS,
            RuleAction: oS,
            Egress: oB,
            CidrBlock: oS,
            Ipv6CidrBlock: oS,
            PortRange: obj({ From: oN, To: oN }).optional(),
          }),
        )
        .default([]),
      Associations: z.array(obj({ SubnetId: oS, NetworkAclId: oS })).default([]),
      Tags,
    }),
  ),
});

export const PrefixLists = obj({
  PrefixLists: z.array(obj({ PrefixListId: S, PrefixListName: oS, Cidrs: z.array(S).default([]) })),
});

export const ManagedPrefixLists = obj({
  PrefixLists: z.array(
    obj({
      PrefixListId: S,
      PrefixListName: oS,
      PrefixListArn: oS,
      OwnerId: oS,
      AddressFamily: oS,
      State: oS,
      Tags,
    }),
  ),
});

export const ManagedPrefixListEntries = obj({
  Entries: z.array(obj({ Cidr: S, Description: oS })).default([]),
});

// ---------------------------------------------------------------- KMS
export const KmsListKeys = obj({ Keys: z.array(obj({ KeyId: S, KeyArn: oS })) });
export const KmsListAliases = obj({
  Aliases: z.array(obj({ AliasName: S, AliasArn: oS, TargetKeyId: oS })),
});
export const KmsDescribeKey = obj({
  KeyMetadata: obj({
    KeyId: S,
    Arn: S,
    AWSAccountId: oS,
    KeyManager: oS,
    KeyState: oS,
    Enabled: oB,
    Description: oS,
    KeyUsage: oS,
    KeySpec: oS,
    MultiRegion: oB,
    Origin: oS,
  }),
});
export const KmsGetKeyPolicy = obj({ Policy: S, PolicyName: oS });
export const KmsListGrants = obj({
  Grants: z
    .array(
      obj({
        GrantId: oS,
        KeyId: oS,
        Name: oS,
        GranteePrincipal: oS,
        RetiringPrincipal: oS,
        IssuingAccount: oS,
        Operations: z.array(S).default([]),
        Constraints: z.record(S, z.unknown()).optional(),
      }),
    )
    .default([]),
});

// ---------------------------------------------------------------- CloudTrail
export const DescribeTrails = obj({
  trailList: z.array(
    obj({
      Name: S,
      TrailARN: S,
      S3BucketName: oS,
      S3KeyPrefix: oS,
      HomeRegion: oS,
      IsMultiRegionTrail: oB,
      IsOrganizationTrail: oB,
      IncludeGlobalServiceEvents: oB,
      LogFileValidationEnabled: oB,
      KmsKeyId: oS,
      CloudWatchLogsLogGroupArn: oS,
      HasCustomEventSelectors: oB,
      HasInsightSelectors: oB,
    }),
  ),
});
export const TrailStatus = obj({ IsLogging: z.boolean() });
const FieldSelector = obj({
  Field: S,
  Equals: z.array(S).optional(),
  StartsWith: z.array(S).optional(),
  EndsWith: z.array(S).optional(),
  NotEquals: z.array(S).optional(),
  NotStartsWith: z.array(S).optional(),
  NotEndsWith: z.array(S).optional(),
});
export const EventSelectors = obj({
  TrailARN: oS,
  EventSelectors: z
    .array(
      obj({
        ReadWriteType: oS,
        IncludeManagementEvents: oB,
        DataResources: z.array(obj({ Type: S, Values: z.array(S).default([]) })).default([]),
        ExcludeManagementEventSources: z.array(S).optional(),
      }),
    )
    .optional(),
  AdvancedEventSelectors: z
    .array(obj({ Name: oS, FieldSelectors: z.array(FieldSelector).default([]) }))
    .optional(),
});

// ---------------------------------------------------------------- MSK (kafka)
const BrokerNodeGroupInfo = obj({
  ClientSubnets: z.array(S).default([]),
  InstanceType: oS,
  SecurityGroups: z.array(S).default([]),
  ZoneIds: z.array(S).optional(),
  ConnectivityInfo: z.unknown().optional(),
});
const EncryptionInfo = obj({
  EncryptionAtRest: obj({ DataVolumeKMSKeyId: oS }).optional(),
  EncryptionInTransit: obj({ ClientBroker: oS, InCluster: oB }).optional(),
});
const ClusterInfoV2 = obj({
  ClusterArn: S,
  ClusterName: S,
  ClusterType: oS,
  State: oS,
  CurrentVersion: oS,
  Provisioned: obj({
    BrokerNodeGroupInfo: BrokerNodeGroupInfo.optional(),
    EncryptionInfo: EncryptionInfo.optional(),
    NumberOfBrokerNodes: oN,
    CurrentBrokerSoftwareInfo: obj({ KafkaVersion: oS }).optional(),
    StorageMode: oS,
  }).optional(),
  Serverless: obj({
    VpcConfigs: z
      .array(obj({ SubnetIds: z.array(S).default([]), SecurityGroupIds: z.array(S).optional() }))
      .default([]),
  }).optional(),
  Tags: z.record(S, S).optional(),
});
export const KafkaListClustersV2 = obj({ ClusterInfoList: z.array(ClusterInfoV2) });
export const KafkaListClusters = obj({
  ClusterInfoList: z.array(
    obj({
      ClusterArn: S,
      ClusterName: S,
      State: oS,
      BrokerNodeGroupInfo: BrokerNodeGroupInfo.optional(),
      EncryptionInfo: EncryptionInfo.optional(),
      NumberOfBrokerNodes: oN,
      CurrentBrokerSoftwareInfo: obj({ KafkaVersion: oS }).optional(),
      Tags: z.record(S, S).optional(),
    }),
  ),
});
export const KafkaListNodes = obj({
  NodeInfoList: z.array(
    obj({
      NodeARN: oS,
      NodeType: oS,
      InstanceType: oS,
      BrokerNodeInfo: obj({
        AttachedENIId: oS,
        BrokerId: oN,
        ClientSubnet: oS,
        ClientVpcIpAddress: oS,
        Endpoints: z.array(S).default([]),
      }).optional(),
    }),
  ),
});
export const KafkaBootstrapBrokers = z.record(S, z.unknown());
export const KafkaClusterPolicy = obj({ CurrentVersion: oS, Policy: S });
export const KafkaListReplicators = obj({
  Replicators: z.array(obj({ ReplicatorArn: S, ReplicatorName: oS, ReplicatorState: oS })),
});
const ReplicatorCluster = obj({
  AmazonMskCluster: obj({ MskClusterArn: S }).optional(),
  KafkaClusterAlias: oS,
  VpcConfig: obj({
    SubnetIds: z.array(S).default([]),
    SecurityGroupIds: z.array(S).optional(),
  }).optional(),
});
export const KafkaDescribeReplicator = obj({
  ReplicatorArn: S,
  ReplicatorName: oS,
  ReplicatorState: oS,
  ServiceExecutionRoleArn: oS,
  KafkaClusters: z.array(ReplicatorCluster).default([]),
  ReplicationInfoList: z
    .array(
      obj({
        SourceKafkaClusterAlias: oS,
        TargetKafkaClusterAlias: oS,
        TargetCompressionType: oS,
        TopicReplication: z.unknown().optional(),
        ConsumerGroupReplication: z.unknown().optional(),
      }),
    )
    .default([]),
});

// ---------------------------------------------------------------- global
export const CallerIdentity = obj({ Account: S, Arn: oS, UserId: oS });
export const ListBuckets = obj({
  Buckets: z.array(obj({ Name: S, CreationDate: oS, BucketRegion: oS, BucketArn: oS })).default([]),
  Owner: obj({ ID: oS, DisplayName: oS }).optional(),
});
export const BucketLocation = obj({ LocationConstraint: z.string().nullable().optional() });
export const HeadBucket = obj({ BucketRegion: oS, BucketLocationType: oS, AccessPointAlias: oB });
export const BucketPolicy = obj({ Policy: S });
export const BucketPolicyStatus = obj({ PolicyStatus: obj({ IsPublic: oB }) });
const PabConfig = obj({
  BlockPublicAcls: oB,
  IgnorePublicAcls: oB,
  BlockPublicPolicy: oB,
  RestrictPublicBuckets: oB,
});
export const PublicAccessBlock = obj({ PublicAccessBlockConfiguration: PabConfig });
export const BucketEncryption = obj({
  ServerSideEncryptionConfiguration: obj({
    Rules: z
      .array(
        obj({
          ApplyServerSideEncryptionByDefault: obj({
            SSEAlgorithm: S,
            KMSMasterKeyID: oS,
          }).optional(),
          BucketKeyEnabled: oB,
        }),
      )
      .default([]),
  }),
});
export const BucketReplication = obj({
  ReplicationConfiguration: obj({
    Role: oS,
    Rules: z
      .array(
        obj({
          ID: oS,
          Status: oS,
          Priority: oN,
          Destination: obj({
            Bucket: S,
            Account: oS,
            StorageClass: oS,
            AccessControlTranslation: obj({ Owner: oS }).optional(),
            EncryptionConfiguration: obj({ ReplicaKmsKeyID: oS }).optional(),
          }),
        }),
      )
      .default([]),
  }),
});
export const BucketOwnershipControls = obj({
  OwnershipControls: obj({ Rules: z.array(obj({ ObjectOwnership: oS })).default([]) }),
});

export const ListRoles = obj({
  Roles: z.array(
    obj({
      RoleName: S,
      RoleId: oS,
      Arn: S,
      Path: oS,
      AssumeRolePolicyDocument: z.union([S, z.record(S, z.unknown())]).optional(),
      Description: oS,
      MaxSessionDuration: oN,
    }),
  ),
});

const PolicyText = z.union([S, z.record(S, z.unknown())]);

/** The roles part of get-account-authorization-details (users and groups are not read). */
export const AccountAuthorizationDetails = obj({
  RoleDetailList: z
    .array(
      obj({
        RoleName: S,
        Arn: S,
        RoleId: oS,
        Path: oS,
        AssumeRolePolicyDocument: PolicyText.optional(),
        RolePolicyList: z.array(obj({ PolicyName: S, PolicyDocument: PolicyText })).default([]),
        AttachedManagedPolicies: z.array(obj({ PolicyName: oS, PolicyArn: S })).default([]),
        PermissionsBoundary: obj({
          PermissionsBoundaryType: oS,
          PermissionsBoundaryArn: S,
        }).optional(),
      }),
    )
    .default([]),
  Policies: z
    .array(
      obj({
        PolicyName: oS,
        Arn: S,
        DefaultVersionId: oS,
        PolicyVersionList: z
          .array(obj({ Document: PolicyText.optional(), VersionId: oS, IsDefaultVersion: oB }))
          .default([]),
      }),
    )
    .default([]),
});

export const DescribeOrganization = obj({
  Organization: obj({
    Id: S,
    Arn: oS,
    MasterAccountId: oS,
    MasterAccountArn: oS,
    FeatureSet: oS,
  }),
});
export const ListAccounts = obj({
  Accounts: z.array(obj({ Id: S, Arn: oS, Name: oS, Email: oS, Status: oS, State: oS })),
});
